import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { commentSource } from '../../../src/list/comment-source.js';
import { jsonComments } from '../../../src/list/json-comments.js';
import { wordpressComments } from '../../../src/list/wordpress-comments.js';
import { parseCommentDate } from '../../../src/list/comment-date.js';

const base = 'https://news.example/story/';
const request = { postId: '60', page: 2, perPage: 20, order: 'desc' as const };

describe('WordPress comments', () => {
  it('asks for one page of a post in an order, pretty permalinks or not', () => {
    expect(wordpressComments.pageUrl('/wp-json/wp/v2/comments', request, base)).toBe(
      'https://news.example/wp-json/wp/v2/comments?post=60&per_page=20&page=2&order=desc',
    );
    expect(wordpressComments.pageUrl('/?rest_route=/wp/v2/comments', request, base)).toBe(
      'https://news.example/?rest_route=%2Fwp%2Fv2%2Fcomments&post=60&per_page=20&page=2&order=desc',
    );
  });

  it('reads WordPress’s own comment model: author, UTC date, HTML content, avatar, total from X-WP-Total', () => {
    const model = JSON.parse(
      readFileSync(
        new URL(
          '../../fixtures/corpus/wordpress/WordPress__wordpress-develop__tests__qunit__fixtures__wp-api-generated__CommentModel.json',
          import.meta.url,
        ),
        'utf8',
      ),
    );
    const page = wordpressComments.readPage([model, { id: 'x' }], new Headers({ 'X-WP-Total': '41' }), base)!;
    expect(page.total).toBe(41);
    expect(page.comments).toHaveLength(1);
    const [listed] = page.comments;
    expect(listed!.id).toBe(String(model.id));
    expect(listed!.parent).toBe(String(model.parent));
    expect(listed!.content).toEqual({ kind: 'html', value: model.content.rendered });
    expect(listed!.date?.toISOString()).toBe(`${model.date_gmt}.000Z`);
    expect(listed!.avatarUrl).toMatch(/^https?:/);
  });

  it('keeps only http(s) author links and reads names as text', () => {
    const page = wordpressComments.readPage(
      [
        {
          id: 5,
          parent: 0,
          author_name: 'Olena &amp; Co',
          author_url: 'javascript:alert(1)',
          content: { rendered: '<p>Hi</p>' },
        },
        { id: 6, parent: 5, author_name: '<b>Ana</b>', author_url: 'https://ana.example', status: 'hold' },
      ],
      new Headers(),
      base,
    )!;
    expect(
      page.comments.map((comment) => [comment.authorName, comment.authorUrl, comment.parent, comment.pending]),
    ).toEqual([
      ['Olena & Co', undefined, '0', false],
      ['Ana', 'https://ana.example/', '5', true],
    ]);
    expect(page.total).toBe(2);
    expect(page.comments[1]!.avatarUrl).toBeUndefined();
  });

  it('is not a comment list when the answer is not an array', () => {
    expect(wordpressComments.readPage({ code: 'rest_no_route' }, new Headers(), base)).toBeUndefined();
  });
});

describe('JSON protocol comments', () => {
  it('asks for one page and reads plain-text comments with the total from X-Total-Count', () => {
    expect(jsonComments.pageUrl('/api/comments', request, base)).toBe(
      'https://news.example/api/comments?postId=60&page=2&perPage=20&order=desc',
    );
    const page = jsonComments.readPage(
      [
        {
          id: '3',
          parentId: '1',
          name: 'Olena',
          url: 'http://olena.example',
          content: '<b>not markup</b>',
          date: '2026-11-30T10:00:00.000Z',
        },
      ],
      new Headers({ 'X-Total-Count': '7' }),
      base,
    )!;
    expect(page.total).toBe(7);
    expect(page.comments[0]).toMatchObject({
      id: '3',
      parent: '1',
      authorName: 'Olena',
      content: { kind: 'text', value: '<b>not markup</b>' },
    });
  });

  it('is picked for endpoints that are not WordPress routes', () => {
    expect(commentSource('/api/comments')).toBe(jsonComments);
    expect(commentSource('https://news.example/wp-json/wp/v2/comments')).toBe(wordpressComments);
    expect(commentSource('/comments', 'wordpress')).toBe(wordpressComments);
  });
});

describe('comment dates', () => {
  it('reads a date without a zone (WordPress date_gmt) as UTC', () => {
    expect(parseCommentDate('2026-11-30T10:00:00')?.toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(parseCommentDate('2026-11-30 10:00:00')?.toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(parseCommentDate('2026-11-30T10:00:00+02:00')?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(parseCommentDate('soon')).toBeUndefined();
  });
});
