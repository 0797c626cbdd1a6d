/**
 * Broken copies of a real feed item: every field (and every nested field the item
 * has, down to a few levels) replaced in turn by each value of the wrong type real
 * feeds send, plus, for each copy, which fields of the `Article` model the broken
 * field may change. Everything else must come out exactly as from the intact item:
 * a field of the wrong type drops that field, never its article. Shared by the
 * normalizer tests (Vitest) and the element tests (real browsers).
 */
import type { Article } from '../../src/article/article.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** What real feeds put where they should not: objects, lists, null, numbers, booleans, empty and nonsense strings, impossible dates. */
export const WRONG_VALUES: Json[] = [
  {},
  [],
  null,
  42,
  -1.5,
  true,
  '',
  'not a date',
  '2024-02-30T25:61:00Z',
  { rendered: 42 },
  [{}],
];

/** The article fields a broken field may change; `*` means the item may stop being an article at all. */
type Affected = (keyof Article | '*')[];

/** Paths of every field of `value`, depth first; arrays contribute their first entry only. */
export function fieldPaths(value: Json, maxDepth: number, skip: string[] = [], prefix: Path = []): Path[] {
  if (prefix.length >= maxDepth || value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.length
      ? [[0, value[0]!]]
      : []
    : Object.entries(value);
  return entries.flatMap(([key, child]) => {
    const path = [...prefix, key];
    return skip.includes(String(key)) ? [path] : [path, ...fieldPaths(child, maxDepth, skip, path)];
  });
}

/** A deep copy of `value` with the field at `path` replaced. */
export function withField(value: Json, path: Path, replacement: Json): Json {
  const copy = structuredClone(value);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  parent[path[path.length - 1]!] = replacement;
  return copy;
}

const JSON_FEED_FIELDS: Record<string, Affected> = {
  id: ['id'],
  url: ['url', 'baseUrl'],
  external_url: ['externalUrl'],
  title: ['title'],
  summary: ['summary'],
  content_html: ['content'],
  content_text: ['content'],
  image: ['image'],
  banner_image: ['image'],
  date_published: ['published'],
  date_modified: ['modified'],
  authors: ['authors'],
  author: ['authors'],
  tags: ['categories'],
  language: ['language'],
};

/** What a broken field of a JSON Feed item may change (`attachments`, `_extensions` and the like: nothing). */
export const jsonFeedItemAffects = (path: Path): Affected => JSON_FEED_FIELDS[String(path[0])] ?? [];

const WORDPRESS_FIELDS: Record<string, Affected> = {
  // A post needs an id (a number or a string): without one it is no post.
  id: ['*', 'id', 'postId'],
  slug: ['slug'],
  link: ['url', 'baseUrl'],
  // A post is recognised by title, content, or guid with a slug.
  title: ['*', 'title'],
  content: ['*', 'content'],
  excerpt: ['summary'],
  date_gmt: ['published'],
  date: ['published'],
  modified_gmt: ['modified'],
  modified: ['modified'],
  comment_status: ['commentsOpen'],
};
const WORDPRESS_EMBEDS: Record<string, Affected> = {
  author: ['authors'],
  'wp:featuredmedia': ['image'],
  'wp:term': ['categories', 'tags'],
};

/** What a broken field of a WordPress post may change. */
export function wordPressPostAffects(path: Path): Affected {
  if (path[0] === '_embedded') {
    return path.length === 1 ? ['authors', 'image', 'categories', 'tags'] : (WORDPRESS_EMBEDS[String(path[1])] ?? []);
  }
  // `type: "comment"`, `post` and `author_name` mark a comment; the other fields are not read.
  return WORDPRESS_FIELDS[String(path[0])] ?? [];
}

export interface BrokenCopy {
  /** Where the wrong value is, as `title.rendered` or `_embedded.author.0.name`. */
  name: string;
  item: Json;
  affects: Affected;
}

/** Every broken copy of `item`: each field in `paths`, each wrong value unlike the one it replaces. */
export function brokenCopies(item: Json, paths: Path[], affects: (path: Path) => Affected): BrokenCopy[] {
  const original = (path: Path) =>
    path.reduce<Json>((value, key) => (value as Record<string | number, Json>)[key]!, item);
  return paths.flatMap((path) =>
    WRONG_VALUES.filter((value) => {
      const was = original(path);
      // `true` for `false` is a value, not a wrong type (`protected: true` rightly hides a post's text).
      return JSON.stringify(value) !== JSON.stringify(was) && !(typeof value === 'boolean' && typeof was === 'boolean');
    }).map((value) => ({
      name: `${path.join('.')} = ${JSON.stringify(value)}`,
      item: withField(item, path, value),
      affects: affects(path),
    })),
  );
}
