import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isWordPressPost,
  lacksEmbeds,
  normalizeWordPress,
  normalizeWordPressPost,
} from '../../../src/article/normalize-wordpress.js';

const readWordPress = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/corpus/wordpress/${name}`, import.meta.url), 'utf8'));

const CORE = 'WordPress__wordpress-develop__tests__qunit__fixtures__wp-api-generated__';
const postModel = () => readWordPress(`${CORE}PostModel.json`);
const postsCollection = () => readWordPress(`${CORE}PostsCollection.json`);
const commentModel = () => readWordPress(`${CORE}CommentModel.json`);
const commentsCollection = () => readWordPress(`${CORE}CommentsCollection.json`);
const gullfoss = () =>
  readWordPress('frontity__frontity__packages__wp-source__src__libraries__schemas____tests____mocks__post-60.json');
const gullfossComments = () =>
  readWordPress(
    'frontity__frontity__packages__wp-source__src__libraries__schemas____tests____mocks__post-60-comments.json',
  );

const GULLFOSS_UPLOADS = 'https://demo.worona.org/wp-content/uploads/2016/11/';

describe('isWordPressPost', () => {
  it('recognises the posts WordPress core and a live site return', () => {
    expect(isWordPressPost(postModel())).toBe(true);
    expect(isWordPressPost(postsCollection()[0])).toBe(true);
    expect(isWordPressPost(gullfoss())).toBe(true);
  });

  it('recognises a post that has only guid and slug', () => {
    expect(isWordPressPost({ id: 7, guid: { rendered: 'https://example.org/?p=7' }, slug: 'hello' })).toBe(true);
  });

  it('does not take a comment for a post, though it has id and content.rendered', () => {
    expect(isWordPressPost(commentModel())).toBe(false);
    for (const comment of gullfossComments()) expect(isWordPressPost(comment)).toBe(false);
    // Embedded replies carry no `post` field, only their type.
    expect(isWordPressPost(gullfoss()._embedded.replies[0][0])).toBe(false);
  });

  it('does not take other JSON for a post', () => {
    for (const doc of [
      null,
      42,
      'post',
      [],
      postsCollection(),
      {},
      { id: 4 },
      { title: { rendered: 'No id' } },
      { id: 4, title: 'not an object' },
      { id: {}, title: { rendered: 'x' } },
      { id: 7, guid: { rendered: 'https://example.org/?p=7' } },
    ]) {
      expect(isWordPressPost(doc), JSON.stringify(doc)?.slice(0, 60)).toBe(false);
    }
  });
});

describe('normalizeWordPressPost with real posts', () => {
  it('reads the core fixture post: ids, slug, link, rendered HTML, GMT dates, open comments', () => {
    expect(normalizeWordPressPost(postModel())).toEqual({
      format: 'wordpress',
      id: '4',
      postId: 4,
      slug: 'restapi-client-fixture-post',
      url: 'http://example.org/?p=4',
      title: { kind: 'html', value: 'REST API Client Fixture: Post' },
      summary: { kind: 'html', value: '<p>REST API Client Fixture: Post</p>' },
      content: { kind: 'html', value: '<p>Updated post content.</p>' },
      authors: [],
      published: new Date('2017-02-14T00:00:00.000Z'),
      modified: new Date('2017-02-14T00:00:00.000Z'),
      categories: [],
      tags: [],
      commentsOpen: true,
      baseUrl: 'http://example.org/?p=4',
    });
  });

  it('reads the embedded author with the largest avatar', () => {
    expect(normalizeWordPressPost(gullfoss()).authors).toEqual([
      {
        name: 'Alan Martin',
        url: 'https://demo.worona.org/author/alan/',
        avatar: 'https://secure.gravatar.com/avatar/eebc7d67bdc645559fd6634e0335a42b?s=96&d=mm&r=g',
      },
    ]);
  });

  it('reads the featured image with its alt text, size and a srcset of the same-shaped sizes', () => {
    expect(normalizeWordPressPost(gullfoss()).image).toEqual({
      url: `${GULLFOSS_UPLOADS}Iceland-test.jpg`,
      alt: 'iceland',
      width: 5000,
      height: 3025,
      // The 150x150 square thumbnail is a crop, not a smaller copy, so it is left out.
      srcset: [
        `${GULLFOSS_UPLOADS}Iceland-test-300x182.jpg 300w`,
        `${GULLFOSS_UPLOADS}Iceland-test-768x465.jpg 768w`,
        `${GULLFOSS_UPLOADS}Iceland-test-1024x620.jpg 1024w`,
        `${GULLFOSS_UPLOADS}Iceland-test-1200x726.jpg 1200w`,
        `${GULLFOSS_UPLOADS}Iceland-test.jpg 5000w`,
      ].join(', '),
    });
  });

  it('reads categories and tags from the embedded terms, and no other taxonomy', () => {
    const article = normalizeWordPressPost(gullfoss());
    expect(article.categories).toEqual(['Photography', 'Travel']);
    expect(article.tags).toEqual(['Gullfoss', 'Iceland', 'Nature', 'Waterfall']);
  });

  it('reads the live post\u2019s text, dates and permalink', () => {
    const article = normalizeWordPressPost(gullfoss());
    expect(article.id).toBe('60');
    expect(article.postId).toBe(60);
    expect(article.slug).toBe('the-beauties-of-gullfoss');
    expect(article.url).toBe('https://demo.worona.org/the-beauties-of-gullfoss/');
    expect(article.baseUrl).toBe('https://demo.worona.org/the-beauties-of-gullfoss/');
    expect(article.title).toEqual({ kind: 'html', value: 'The Beauties of Gullfoss' });
    expect(article.content?.kind).toBe('html');
    expect(article.content?.value).toContain('<h3>An iconic waterfall of Iceland</h3>');
    expect(article.published?.toISOString()).toBe('2016-11-25T18:31:11.000Z');
    expect(article.modified?.toISOString()).toBe('2018-03-22T17:09:55.000Z');
    expect(article.commentsOpen).toBe(true);
  });
});

describe('normalizeWordPress', () => {
  it('reads a posts collection', () => {
    const list = normalizeWordPress(postsCollection());
    expect(list.format).toBe('wordpress');
    expect(list.articles.map((article) => article.slug)).toEqual(['restapi-client-fixture-post']);
  });

  it('reads a single post as a list of one', () => {
    expect(normalizeWordPress(gullfoss()).articles.map((article) => article.id)).toEqual(['60']);
  });

  it('has no articles for an empty collection or a list of comments', () => {
    expect(normalizeWordPress([])).toEqual({ format: 'wordpress', articles: [] });
    expect(normalizeWordPress(commentsCollection()).articles).toEqual([]);
  });

  it('skips entries of a collection that are not posts', () => {
    const list = normalizeWordPress([null, commentModel(), gullfoss(), 'x', postModel()]);
    expect(list.articles.map((article) => article.id)).toEqual(['60', '4']);
  });
});

describe('normalizeWordPressPost dates', () => {
  it('prefers date_gmt over the site-local date', () => {
    const article = normalizeWordPressPost({
      ...postModel(),
      date: '2017-02-14T10:00:00',
      date_gmt: '2017-02-14T00:00:00',
    });
    expect(article.published?.toISOString()).toBe('2017-02-14T00:00:00.000Z');
  });

  it('falls back to the local date, read as UTC, when date_gmt is missing or unusable', () => {
    const draft = normalizeWordPressPost({
      ...postModel(),
      date: '2017-02-14T10:00:00',
      date_gmt: null,
      modified_gmt: 'soon',
      modified: '2017-02-15T08:30:00',
    });
    expect(draft.published?.toISOString()).toBe('2017-02-14T10:00:00.000Z');
    expect(draft.modified?.toISOString()).toBe('2017-02-15T08:30:00.000Z');
  });

  it('has no date rather than an Invalid Date when neither is usable', () => {
    const article = normalizeWordPressPost({
      ...postModel(),
      date: '0000-00-00 00:00:00',
      date_gmt: '0000-00-00 00:00:00',
      modified: 7,
      modified_gmt: {},
    });
    expect(article.published).toBeUndefined();
    expect(article.modified).toBeUndefined();
  });
});

describe('normalizeWordPressPost with broken or hostile posts', () => {
  it('does not show the content or excerpt of a password-protected post', () => {
    const article = normalizeWordPressPost({
      ...postModel(),
      content: { rendered: '<p>Members only</p>', protected: true },
      excerpt: { rendered: '<p>Members only</p>', protected: true },
    });
    expect(article.content).toBeUndefined();
    expect(article.summary).toBeUndefined();
    expect(article.title?.value).toBe('REST API Client Fixture: Post');
  });

  it('reads closed comments as closed, and an unknown status as not known', () => {
    expect(normalizeWordPressPost({ ...postModel(), comment_status: 'closed' }).commentsOpen).toBe(false);
    expect(normalizeWordPressPost({ ...postModel(), comment_status: 42 }).commentsOpen).toBeUndefined();
  });

  it('skips a featured image WordPress would not embed (rest_forbidden)', () => {
    const post = gullfoss();
    post._embedded['wp:featuredmedia'] = [
      { code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 403 } },
    ];
    expect(normalizeWordPressPost(post).image).toBeUndefined();
    post._embedded['wp:featuredmedia'] = [
      { code: 'rest_forbidden', source_url: `${GULLFOSS_UPLOADS}Iceland-test.jpg` },
    ];
    expect(normalizeWordPressPost(post).image).toBeUndefined();
  });

  it('keeps a featured image without alt text or sizes as a decorative image', () => {
    const post = gullfoss();
    const [media] = post._embedded['wp:featuredmedia'];
    delete media.alt_text;
    media.media_details = { sizes: [] };
    expect(normalizeWordPressPost(post).image).toEqual({ url: `${GULLFOSS_UPLOADS}Iceland-test.jpg`, alt: '' });
  });

  it('drops unsafe URLs from the link, featured image, srcset, author link and avatar', () => {
    const post = gullfoss();
    post.link = 'javascript:alert(1)';
    const [media] = post._embedded['wp:featuredmedia'];
    media.media_details.sizes.medium.source_url = 'javascript:alert(1)';
    const [author] = post._embedded.author;
    author.link = 'vbscript:msgbox(1)';
    author.avatar_urls['96'] = 'data:text/html,<script>alert(1)</script>';
    let article = normalizeWordPressPost(post);
    expect(article.url).toBeUndefined();
    expect(article.baseUrl).toBeUndefined();
    expect(article.image?.srcset).not.toContain('300w');
    expect(article.image?.srcset).toContain('Iceland-test-768x465.jpg 768w');
    // The next-largest avatar stands in for the unsafe one.
    expect(article.authors).toEqual([
      {
        name: 'Alan Martin',
        avatar: 'https://secure.gravatar.com/avatar/eebc7d67bdc645559fd6634e0335a42b?s=48&d=mm&r=g',
      },
    ]);

    media.source_url = 'data:text/html,<script>alert(1)</script>';
    article = normalizeWordPressPost(post);
    expect(article.image).toBeUndefined();
  });

  it('resolves a relative link against the URL the post was fetched from', () => {
    const article = normalizeWordPressPost(
      { ...postModel(), link: '/?p=4' },
      'https://example.org/wp-json/wp/v2/posts/4',
    );
    expect(article.url).toBe('https://example.org/?p=4');
  });

  it('decodes entities in author and term names', () => {
    const post = gullfoss();
    post._embedded.author[0].name = 'Siobh&aacute;n O&#8217;Brien';
    post._embedded['wp:term'][0][0].name = 'Q&amp;A';
    const article = normalizeWordPressPost(post);
    expect(article.authors[0]!.name).toBe('Siobh&aacute;n O\u2019Brien');
    expect(article.categories).toEqual(['Q&A', 'Travel']);
  });

  it('drops each wrong-typed field on its own and keeps the post', () => {
    const post = gullfoss();
    post.title = 'The Beauties of Gullfoss';
    post.excerpt = { rendered: 42 };
    post.slug = ['x'];
    post.link = 60;
    post._embedded.author = { name: 'Alan Martin' };
    post._embedded['wp:term'] = { category: 'Travel' };
    post._embedded['wp:featuredmedia'][0].media_details = 'big';
    const article = normalizeWordPressPost(post, 'https://demo.worona.org/wp-json/wp/v2/posts/60');
    expect(article.id).toBe('60');
    expect(article.title).toBeUndefined();
    expect(article.summary).toBeUndefined();
    expect(article.slug).toBeUndefined();
    expect(article.url).toBeUndefined();
    expect(article.baseUrl).toBe('https://demo.worona.org/wp-json/wp/v2/posts/60');
    expect(article.authors).toEqual([]);
    expect(article.categories).toEqual([]);
    expect(article.tags).toEqual([]);
    expect(article.image).toEqual({ url: `${GULLFOSS_UPLOADS}Iceland-test.jpg`, alt: 'iceland' });
    expect(article.content?.value).toContain('Gullfoss');
  });

  it('skips embedded authors WordPress reports as errors, and terms without a name', () => {
    const post = gullfoss();
    post._embedded.author.unshift({ code: 'rest_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } });
    post._embedded['wp:term'][1].push({ taxonomy: 'post_tag' }, 'Travel', null);
    const article = normalizeWordPressPost(post);
    expect(article.authors.map((author) => author.name)).toEqual(['Alan Martin']);
    expect(article.tags).toEqual(['Gullfoss', 'Iceland', 'Nature', 'Waterfall']);
  });

  it('has no authors when nothing is embedded', () => {
    const post = gullfoss();
    delete post._embedded;
    const article = normalizeWordPressPost(post);
    expect(article.authors).toEqual([]);
    expect(article.image).toBeUndefined();
    expect(article.categories).toEqual([]);
  });
});

describe('lacksEmbeds', () => {
  it('asks for _embed only for a real WordPress response fetched without it', () => {
    const { _embedded, ...withoutEmbeds } = gullfoss();
    expect(_embedded).toBeDefined();
    expect(lacksEmbeds(withoutEmbeds)).toBe(true);
    expect(lacksEmbeds([withoutEmbeds])).toBe(true);
    expect(lacksEmbeds(gullfoss())).toBe(false);
    // Core's fixtures carry no _links: there is nothing an embed could follow.
    expect(lacksEmbeds(postModel())).toBe(false);
    expect(lacksEmbeds([])).toBe(false);
    expect(lacksEmbeds({ version: '1.1', items: [] })).toBe(false);
  });
});
