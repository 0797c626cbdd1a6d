/**
 * One tab at a time handles a given comment: sends it, or takes it back out of the outbox
 * for the reader to edit. Two tabs sending the outbox when the network returns would
 * post it twice; a tab taking it back while another sends it would publish a version the
 * reader no longer sees. The Web Locks API gives exactly one of them the comment.
 */
type LockManager = {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<void>): Promise<void>;
};

/**
 * Runs `task` while holding the lock of comment `id`, and returns its result; returns
 * `busy` at once when another tab (or this one) holds it. Where no lock can be had (no
 * Web Locks API, or a sandboxed frame that refuses them) `task` runs without one.
 */
export async function withCommentLock<T, B>(id: string, busy: B, task: () => Promise<T>): Promise<T | B> {
  const locks = (navigator as { locks?: LockManager }).locks;
  if (!locks) return task();
  let result: T | B = busy;
  let started = false;
  try {
    await locks.request(`news-widgets:comment:${id}`, { ifAvailable: true }, async (lock) => {
      if (!lock) return;
      started = true;
      result = await task();
    });
  } catch (error) {
    if (started) throw error;
    return task();
  }
  return result;
}
