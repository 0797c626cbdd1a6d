import { describe, expect, it } from 'vitest';
import { HELD_FOR_DAYS, heldAsListed, stillHeld, type HeldComment } from '../../../src/list/held-comments.js';
import type { ListedComment } from '../../../src/list/listed-comment.js';

const held: HeldComment = {
  key: 'k1',
  parent: '4',
  authorName: 'Olena',
  content: 'It\'s "great" -- thanks!\n\nReally.',
  createdAt: Date.UTC(2026, 10, 30),
};
const listed = (overrides: Partial<ListedComment>): ListedComment => ({
  id: '81',
  parent: '4',
  authorName: 'Olena',
  content: { kind: 'html', value: '<p>It&#8217;s &#8220;great&#8221; &#8212; thanks!</p>\n<p>Really.</p>\n' },
  pending: false,
  ...overrides,
});
const day = 24 * 60 * 60 * 1000;

describe('the reader’s held comment', () => {
  it('stays while the server does not list it', () => {
    expect(stillHeld(held, [listed({ parent: '0' }), listed({ authorName: 'Ana' })], held.createdAt + day)).toBe(true);
  });

  it('gives way to the approved copy the server lists, formatted by WordPress', () => {
    expect(stillHeld(held, [listed({})], held.createdAt + day)).toBe(false);
  });

  it('gives way to the server’s copy with its id, whatever a moderator changed, and to no other', () => {
    const withId = { ...held, id: '81' };
    expect(
      stillHeld(
        withId,
        [listed({ content: { kind: 'html', value: '<p>Edited by a moderator.</p>' } })],
        held.createdAt + day,
      ),
    ).toBe(false);
    expect(stillHeld(withId, [listed({ id: '82' })], held.createdAt + day)).toBe(true);
    expect(stillHeld(withId, [listed({ pending: true })], held.createdAt + day)).toBe(true);
    expect(heldAsListed(withId)).toMatchObject({ id: '81', pending: true });
  });

  it(`is dropped once ${HELD_FOR_DAYS} days old: by then it was rejected`, () => {
    expect(stillHeld(held, [], held.createdAt + (HELD_FOR_DAYS - 1) * day)).toBe(true);
    expect(stillHeld(held, [], held.createdAt + HELD_FOR_DAYS * day)).toBe(false);
  });

  it('shows as a pending comment in its place', () => {
    expect(heldAsListed(held)).toMatchObject({ id: 'held-k1', parent: '4', pending: true, content: { kind: 'text' } });
  });
});
