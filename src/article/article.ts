/**
 * The one model every feed format is normalized into. `<news-article>` renders
 * only this shape, so JSON Feed and WordPress differences end at the normalizers.
 */

/** Text that came from a feed, tagged with how it may be rendered. */
export type FeedText =
  /** Untrusted HTML: must pass the sanitizer before it reaches the DOM. */
  | { kind: 'html'; value: string }
  /** Plain text: rendered as text nodes, never parsed as HTML. */
  | { kind: 'text'; value: string };

export interface ArticleAuthor {
  name: string;
  /** Absolute http(s) URL of the author's page, when the feed gives a safe one. */
  url?: string;
  /** Absolute http(s) URL of an avatar image. */
  avatar?: string;
}

export interface ArticleImage {
  /** Absolute http(s) (or data:image) URL. */
  url: string;
  /** Alternative text; empty when the feed gives none (the image is then decorative). */
  alt: string;
  width?: number;
  height?: number;
  /** A `srcset` value built from the sizes the source offers, every candidate URL checked. */
  srcset?: string;
}

export interface Article {
  /** Which format the article came from; `html`: the page's own server-rendered markup (id, title and dates only). */
  format: 'json-feed' | 'wordpress' | 'html';
  /** JSON Feed item `id` (falling back to `url`), or the WordPress post id, as a string. */
  id: string;
  /** WordPress post slug. */
  slug?: string;
  /** WordPress numeric post id, used by `<comment-form>` as its `post-id`. */
  postId?: number;
  /** Permalink (absolute http(s)). */
  url?: string;
  /** JSON Feed `external_url`: the page the item is about. */
  externalUrl?: string;
  title?: FeedText;
  summary?: FeedText;
  content?: FeedText;
  authors: ArticleAuthor[];
  published?: Date;
  modified?: Date;
  image?: ArticleImage;
  categories: string[];
  tags: string[];
  /** BCP 47 language of the item (JSON Feed item or feed `language`). */
  language?: string;
  /** WordPress `comment_status`: false when comments are closed. */
  commentsOpen?: boolean;
  /** URL that relative links and images in the content resolve against. */
  baseUrl?: string;
}

/** Every article a document holds, in document order, with the feed's own name. */
export interface ArticleList {
  format: Article['format'];
  /** Feed title (JSON Feed) as plain text. */
  feedTitle?: string;
  articles: Article[];
}
