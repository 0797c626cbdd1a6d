/**
 * The demo's comment endpoint (demo/demo-comment-endpoint.js), served over real HTTP on
 * loopback: it starts from the seed conversation, numbers new comments after it, and
 * holds a comment with a moderation word, as WordPress's moderation words do.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoCommentEndpoint, seedComments } from '../../../demo/demo-comment-endpoint.js';

let folder: string;
let server: Server;
let endpoint: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'news-widgets-demo-endpoint-'));
  const middleware = createDemoCommentEndpoint({ file: join(folder, 'comments.json') });
  server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/comments`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

const postId = String(seedComments()[0].postId);
const post = async (fields: Record<string, string>) =>
  (
    await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ postId, name: 'Olena', email: 'olena@example.com', content: 'Hello.', ...fields }),
    })
  ).json();
const listed = async () => (await fetch(`${endpoint}?postId=${encodeURIComponent(postId)}`)).json();

describe("the demo's comment endpoint", () => {
  it('lists the seed conversation, replies included, before anyone posts', async () => {
    const comments = await listed();
    expect(comments.map((comment: { id: string; parentId: string }) => [comment.id, comment.parentId])).toEqual(
      seedComments().map((comment) => [comment.id, comment.parentId]),
    );
    expect(comments.filter((comment: { parentId: string }) => comment.parentId !== '0').length).toBeGreaterThan(2);
  });

  it('numbers a new comment after the seed and keeps both in its file', async () => {
    expect(await post({ content: 'A new view.' })).toEqual({
      id: String(seedComments().length + 1),
      status: 'approved',
    });
    const stored = JSON.parse(await readFile(join(folder, 'comments.json'), 'utf8'));
    expect(stored).toHaveLength(seedComments().length + 1);
  });

  it('holds a comment with the word "moderate" in its text, name, email or website, in any case', async () => {
    const held: Record<string, string>[] = [
      { content: 'Please MODERATE this.' },
      { name: 'Moderate Reader' },
      { email: 'moderate@example.com' },
      { url: 'https://moderated.example/' },
    ];
    for (const fields of held) {
      expect((await post(fields)).status, JSON.stringify(fields)).toBe('pending');
    }
    expect((await post({ content: 'A measured view.' })).status).toBe('approved');
    expect((await listed()).map((comment: { content: string }) => comment.content)).not.toContain(
      'Please MODERATE this.',
    );
  });
});
