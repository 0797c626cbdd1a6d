/**
 * The package's classes and types, with no side effects: import
 * `news-widgets/define.js` (or call `NewsArticleElement.define()`,
 * `CommentFormElement.define()` and `CommentListElement.define()`) to register the tags.
 */
export { NewsArticleElement, newsArticleStrings } from './article/news-article.js';
export type { NewsArticleState, NewsArticleStringOverrides, NewsArticleStrings } from './article/news-article.js';
export { articleContext } from './shared/article-context.js';
export { FeedError } from './article/feed-error.js';
export type { FeedErrorCode } from './article/feed-error.js';
export type { Article, ArticleAuthor, ArticleImage, ArticleList, FeedText } from './article/article.js';
export {
  CommentFormElement,
  CommentFormDraftRestoreEvent,
  CommentFormErrorEvent,
  CommentFormSubmitEvent,
  CommentFormSuccessEvent,
} from './comment/comment-form.js';
export { commentFormStrings } from './comment/comment-form.strings.js';
export type { CommentFormStrings } from './comment/comment-form.strings.js';
export { CommentListElement, CommentListReplyEvent } from './list/comment-list.js';
export { commentListStrings } from './list/comment-list.strings.js';
export type { CommentListStrings } from './list/comment-list.strings.js';
export type {
  CommentField,
  CommentFields,
  CommentIdentity,
  CommentProtocol,
  CommentSubmission,
  FieldError,
  FieldErrors,
  FormError,
  SendOutcome,
} from './comment/comment.js';
