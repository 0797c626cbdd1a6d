/**
 * Everything `<news-article>` needs once it has a feed, loaded as a chunk of its own: reading
 * the feed into an article (JSON Feed and WordPress), sanitizing its texts, the article's
 * template with its dates, names and terms formatted in the page's language, and its
 * structured data. The element's first render (a placeholder, or the page's own
 * server-rendered markup) needs none of it. `loadArticle` asks for it as the feed's request
 * starts, so the two downloads overlap; a page can preload it (see the README).
 */
export { lacksEmbeds } from './normalize-wordpress.js';
export { readArticle } from './read-articles.js';
export { articleView } from './article-view.js';
export { fullyShown, loadProgressiveContent } from './article-texts.js';
export { renderArticle } from './article-template.js';
export { writeStructuredData } from './structured-data-script.js';
