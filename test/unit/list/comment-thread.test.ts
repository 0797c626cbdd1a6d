import { describe, expect, it } from 'vitest';
import { buildThread, threadEntries, type ThreadEntry } from '../../../src/list/comment-thread.js';
import type { ListedComment } from '../../../src/list/listed-comment.js';

const comment = (id: number, parent = 0, minute = id): ListedComment => ({
  id: String(id),
  parent: String(parent),
  authorName: `Author ${id}`,
  date: new Date(Date.UTC(2026, 10, 30, 10, minute)),
  content: { kind: 'text', value: `Comment ${id}` },
  pending: false,
});

/** `id@depth` in reading order, with `>name` for a reply shown flat. */
const outline = (thread: ThreadEntry[]) =>
  [...threadEntries(thread)].map(
    (entry) => `${entry.comment.id}@${entry.depth}${entry.inReplyTo ? `>${entry.inReplyTo}` : ''}`,
  );

describe('buildThread', () => {
  it('nests replies under the comments they answer, replies oldest first', () => {
    const thread = buildThread([comment(1), comment(2), comment(3, 1), comment(4, 3), comment(5, 1)], {
      order: 'asc',
      maxDepth: 5,
      complete: true,
    });
    expect(outline(thread)).toEqual(['1@1', '3@2', '4@3', '5@2', '2@1']);
    expect(thread[0]!.replies.map((entry) => entry.comment.id)).toEqual(['3', '5']);
  });

  it('shows the newest top-level comment first and keeps each conversation reading down', () => {
    const thread = buildThread([comment(1), comment(2), comment(3, 1), comment(5, 1)], {
      order: 'desc',
      maxDepth: 5,
      complete: true,
    });
    expect(outline(thread)).toEqual(['2@1', '1@1', '3@2', '5@2']);
  });

  it('lists replies deeper than the limit flat at the last level, saying whom they answer', () => {
    const chain = [comment(1), comment(2, 1), comment(3, 2), comment(4, 3), comment(6, 1)];
    expect(outline(buildThread(chain, { order: 'asc', maxDepth: 2, complete: true }))).toEqual([
      '1@1',
      '2@2',
      '3@2>Author 2',
      '4@2>Author 3',
      '6@2',
    ]);
  });

  it('is flat at depth 1, every reply naming its parent', () => {
    expect(
      outline(buildThread([comment(1), comment(2, 1), comment(3)], { order: 'asc', maxDepth: 1, complete: true })),
    ).toEqual(['1@1', '2@1>Author 1', '3@1']);
  });

  it('keeps a reply back until the comment it answers is loaded, then shows a lost one at the top level', () => {
    const newestFirstPage = [comment(9, 2), comment(8)];
    expect(outline(buildThread(newestFirstPage, { order: 'desc', maxDepth: 5, complete: false }))).toEqual(['8@1']);
    expect(
      outline(buildThread([...newestFirstPage, comment(2)], { order: 'desc', maxDepth: 5, complete: true })),
    ).toEqual(['8@1', '2@1', '9@2']);
    expect(outline(buildThread(newestFirstPage, { order: 'desc', maxDepth: 5, complete: true }))).toEqual([
      '9@1',
      '8@1',
    ]);
  });

  it('lists a comment listed twice (pages that shifted) once, and survives a cycle in bad data', () => {
    expect(
      outline(buildThread([comment(1), comment(1), comment(2)], { order: 'asc', maxDepth: 5, complete: true })),
    ).toEqual(['1@1', '2@1']);
    expect(
      outline(buildThread([comment(1, 2), comment(2, 1), comment(3)], { order: 'asc', maxDepth: 5, complete: true })),
    ).toEqual(['3@1']);
  });
});
