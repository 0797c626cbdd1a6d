/**
 * Registers the elements under their default tags. Importing it twice (two themes
 * or plugins on one page) is harmless: a tag already taken is left alone.
 * The script-tag bundle `dist/news-widgets.js` is built from this module.
 */
import { CommentFormElement } from './comment-form.js';
import { NewsArticleElement } from './news-article.js';

NewsArticleElement.define();
CommentFormElement.define();
