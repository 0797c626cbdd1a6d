import { describe, expect, it } from 'vitest';
import { listComments } from '../../../scripts/comment-endpoint.js';

const stored = [
  {
    id: '1',
    postId: '60',
    parentId: '0',
    name: 'Olena',
    email: 'o@example.com',
    url: '',
    content: 'First',
    status: 'approved',
    date: '2026-11-30T10:00:00.000Z',
    idempotencyKey: 'k1',
  },
  {
    id: '2',
    postId: '60',
    parentId: '1',
    name: 'Ana',
    email: 'a@example.com',
    url: '',
    content: 'Reply',
    status: 'approved',
    date: '2026-11-30T11:00:00.000Z',
    idempotencyKey: 'k2',
  },
  {
    id: '3',
    postId: '60',
    parentId: '0',
    name: 'Ben',
    email: 'b@example.com',
    url: '',
    content: 'Held',
    status: 'pending',
    date: '2026-11-30T12:00:00.000Z',
    idempotencyKey: 'k3',
  },
  {
    id: '4',
    postId: '61',
    parentId: '0',
    name: 'Eli',
    email: 'e@example.com',
    url: '',
    content: 'Elsewhere',
    status: 'approved',
    date: '2026-11-30T13:00:00.000Z',
    idempotencyKey: 'k4',
  },
];
const ids = (query: string) => listComments(stored, new URLSearchParams(query)).comments.map((comment) => comment.id);

describe('the JSON protocol’s GET (reference endpoint)', () => {
  it('lists a post’s approved comments only, never a held one, with the total of all pages', () => {
    expect(ids('postId=60')).toEqual(['1', '2']);
    expect(listComments(stored, new URLSearchParams('postId=60&page=1&perPage=1')).total).toBe(2);
  });

  it('pages in date order, oldest or newest first', () => {
    expect(ids('postId=60&page=2&perPage=1')).toEqual(['2']);
    expect(ids('postId=60&page=1&perPage=1&order=desc')).toEqual(['2']);
    expect(ids('postId=60&page=3&perPage=1')).toEqual([]);
  });

  it('shows public fields only: no email, no idempotency key, no status', () => {
    expect(Object.keys(listComments(stored, new URLSearchParams('postId=60')).comments[0]!).sort()).toEqual(
      ['content', 'date', 'id', 'name', 'parentId', 'postId', 'url'].sort(),
    );
  });
});
