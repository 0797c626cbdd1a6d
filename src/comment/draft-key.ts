/**
 * The key a draft is stored under: one draft per page, post and parent comment, so
 * a reply and a top-level comment on the same article never overwrite each other,
 * and the same article reached through a newsletter or social link finds its draft.
 */

/** Where a comment belongs: the page, the post and the comment it replies to. */
export interface DraftPlace {
  pageUrl: string;
  postId?: string;
  parent?: string;
}

/** Query parameters that say how the reader arrived, not which page it is. */
const TRACKING_PARAM = /^(?:utm_.*|fbclid|gclid|mc_cid|mc_eid|_ga)$/i;

/**
 * The page URL without hash, credentials or tracking parameters, the rest of the
 * query sorted by name: `https://news.example/story?b=2&a=1#comments` and
 * `https://news.example/story?a=1&b=2&utm_source=x` are the same page.
 */
function pageKey(pageUrl: string): string {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return pageUrl.split('#')[0]!;
  }
  url.hash = url.username = url.password = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
  url.searchParams.sort();
  return url.href;
}

/**
 * `draft:<page>|post:<post id or empty>|parent:<parent id or 0>`, e.g.
 * `draft:https://news.example/story|post:42|parent:0`. Ids are URI-encoded so a
 * `|` in one cannot make two keys meet. Deterministic: the same inputs give the same key.
 */
export function draftKey({ pageUrl, postId, parent }: DraftPlace): string {
  return `draft:${pageKey(pageUrl)}|post:${encodeURIComponent(postId ?? '')}|parent:${encodeURIComponent(parent || '0')}`;
}

/**
 * Where the text typed before the form's engine arrived is copied when the page is left
 * (early-comment.ts): beside the draft, not over it, since there is no time to read the
 * draft then. The engine's restore shows the newer of the two and offers the other.
 */
export const earlyCopyKey = (key: string): string => `${key}|early`;
