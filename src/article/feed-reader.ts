/**
 * What reads a fetched feed into an article, loaded as a chunk of its own: a page whose
 * article is only server-rendered markup never downloads it, and `loadArticle` asks for
 * it as the feed's request starts, so the two downloads overlap.
 */
export { lacksEmbeds } from './normalize-wordpress.js';
export { readArticle } from './read-articles.js';
