/**
 * The context `<news-article>` provides to elements inside it, so a `<comment-form>`
 * placed in an article knows which post it belongs to without a `post-id` attribute.
 */
import { createContext } from '@lit/context';
import type { Article } from './article.js';

export const articleContext = createContext<Article | undefined>(Symbol('news-article'));
