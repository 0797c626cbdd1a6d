/**
 * The demo page's own controls: the switches that make the dev server's comment
 * endpoint fail, and the list of comments it has stored.
 */
export {};

interface StoredComment {
  id: string;
  name: string;
  url: string;
  content: string;
  date: string;
}

const list = document.querySelector<HTMLOListElement>('#comment-list')!;
const empty = document.querySelector<HTMLElement>('#no-comments')!;
const modes = document.querySelector<HTMLFieldSetElement>('#failure-modes')!;

async function showComments(): Promise<void> {
  const response = await fetch('/api/comments');
  const comments: StoredComment[] = response.ok ? await response.json() : [];
  list.replaceChildren(
    ...comments.map((comment) => {
      const item = document.createElement('li');
      const author = document.createElement('p');
      author.className = 'comment-author';
      author.textContent = `${comment.name} · ${new Date(comment.date).toLocaleString(document.documentElement.lang)}`;
      const text = document.createElement('p');
      text.textContent = comment.content;
      item.append(author, text);
      return item;
    }),
  );
  empty.hidden = comments.length > 0;
}

async function setFailureMode(mode: string): Promise<void> {
  await fetch('/api/comments/failure-mode', { method: 'POST', body: JSON.stringify({ mode }) });
}

modes.addEventListener('change', (event) => void setFailureMode((event.target as HTMLInputElement).value));
document.addEventListener('comment-form-success', () => void showComments());

const current = (await (await fetch('/api/comments/failure-mode')).json()).mode as string;
modes.querySelector<HTMLInputElement>(`input[value="${current}"]`)!.checked = true;
void showComments();
