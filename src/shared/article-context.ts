/**
 * The context `<news-article>` provides to elements inside it, so a `<comment-form>`
 * placed in an article knows which post it belongs to without a `post-id` attribute.
 */
import { createContext } from '@lit/context';
import type { Article } from '../article/article.js';

/**
 * The article on show; `null` while the article is still loading (a form inside waits
 * for it before it picks its draft), `undefined` when there is none (it failed). Its key is
 * registry-wide, so a form of one script-tag bundle hears an article of the other.
 */
export const articleContext = createContext<Article | null | undefined>(Symbol.for('news-widgets.article'));
