// JSX types for <news-article>, <comment-form> and <comment-list> in React 19 (@types/react 19).
// Keep this file where your tsconfig.json includes it (in src/, say).
import type { HTMLAttributes, Key, Ref } from 'react';
import type {
  CommentFormDraftRestoreEvent,
  CommentFormElement,
  CommentFormErrorEvent,
  CommentFormSubmitEvent,
  CommentFormSuccessEvent,
  CommentListElement,
  CommentListReplyEvent,
  NewsArticleElement,
} from 'news-widgets';

/** A listener React adds with addEventListener: `currentTarget` is the element. */
type Listener<E extends Event, T extends HTMLElement> = (event: E & { currentTarget: T }) => void;

/**
 * The element's own properties (React 19 sets them as properties), the usual HTML
 * attributes, `ref` and `key`. React's `onLoad` and `onError` are left out: they never
 * fire on a custom element, whose `load` and `error` do not bubble; use `onload` and
 * `onerror`.
 */
type ElementProps<T extends HTMLElement, P extends keyof T> = Partial<Pick<T, P>> &
  Omit<HTMLAttributes<T>, P | 'onLoad' | 'onLoadCapture' | 'onError' | 'onErrorCapture'> & {
    ref?: Ref<T>;
    key?: Key;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'news-article': ElementProps<NewsArticleElement, 'src' | 'item' | 'headingLevel' | 'data' | 'strings'> & {
        onloadstart?: Listener<Event, NewsArticleElement>;
        onload?: Listener<Event, NewsArticleElement>;
        onerror?: Listener<Event, NewsArticleElement>;
        onloadend?: Listener<Event, NewsArticleElement>;
      };
      'comment-form': ElementProps<
        CommentFormElement,
        'endpoint' | 'protocol' | 'postId' | 'parent' | 'nonce' | 'identity' | 'headingLevel' | 'strings'
      > & {
        'oncomment-form-submit'?: Listener<CommentFormSubmitEvent, CommentFormElement>;
        'oncomment-form-success'?: Listener<CommentFormSuccessEvent, CommentFormElement>;
        'oncomment-form-error'?: Listener<CommentFormErrorEvent, CommentFormElement>;
        'oncomment-form-draft-restore'?: Listener<CommentFormDraftRestoreEvent, CommentFormElement>;
      };
      'comment-list': ElementProps<
        CommentListElement,
        'endpoint' | 'protocol' | 'postId' | 'depth' | 'perPage' | 'formPosition' | 'headingLevel' | 'strings'
      > & {
        onload?: Listener<Event, CommentListElement>;
        onerror?: Listener<Event, CommentListElement>;
        'oncomment-list-reply'?: Listener<CommentListReplyEvent, CommentListElement>;
      };
    }
  }
}
