/**
 * The words `<news-article>` shows, in English. Every one can be replaced by the site
 * through the `strings` property.
 */
import type { FeedErrorCode } from './feed-error.js';

export const newsArticleStrings = {
  by: 'By',
  published: 'Published',
  updated: 'Updated',
  categorizedAs: 'Categorized as',
  tagged: 'Tagged',
  loading: 'Loading article',
  retry: 'Try again',
  errors: {
    'not-found': 'The article was not found.',
    http: 'The article could not be loaded: the server answered with an error.',
    network: 'The article could not be loaded. Check your connection and try again.',
    timeout: 'The article took too long to load.',
    'not-a-feed': 'The address does not point to a news feed.',
    'item-not-found': 'This article is not in the feed.',
  } satisfies Record<FeedErrorCode, string>,
};
export type NewsArticleStrings = typeof newsArticleStrings;
/** Any subset of the strings, error messages included. */
export type NewsArticleStringOverrides = Partial<Omit<NewsArticleStrings, 'errors'>> & {
  errors?: Partial<NewsArticleStrings['errors']>;
};
/** The name of a word the element shows, error messages aside. */
export type NewsArticleWord = Exclude<keyof NewsArticleStrings, 'errors'>;
