// The React guide's JSX typings (docs/examples/react/news-widgets-jsx.d.ts) accept what
// works in React 19 and reject what silently does nothing: `npm run typecheck` compiles
// this file against @types/react, so each `@ts-expect-error` fails the check if the
// typings stop rejecting that mistake.
import type { CommentFormSuccessEvent, CommentListReplyEvent } from 'news-widgets';

export const works = (
  <news-article
    src="/feed.json"
    item="1"
    headingLevel={3}
    strings={{ by: 'Written by' }}
    onload={(event) => event.currentTarget.article}
  >
    <comment-form
      endpoint="/api/comments"
      postId="1"
      oncomment-form-success={(event: CommentFormSuccessEvent) => event.status}
    />
  </news-article>
);

// React's onLoad never fires on a custom element (its load event does not bubble).
// @ts-expect-error onLoad is not a listener React attaches to custom elements
export const camelCaseLoad = <news-article src="/feed.json" onLoad={() => undefined} />;

// @ts-expect-error headingLevel is a number, not a string
export const stringHeadingLevel = <news-article src="/feed.json" headingLevel="2" />;

// @ts-expect-error the success event carries `status`, not `state`
export const wrongEventField = <comment-form oncomment-form-success={(event) => event.state} />;

export const list = (
  <comment-list
    endpoint="/api/comments"
    postId="1"
    depth={3}
    formPosition="above"
    oncomment-list-reply={(event: CommentListReplyEvent) => event.commentId}
  >
    <comment-form endpoint="/api/comments" />
  </comment-list>
);

// @ts-expect-error depth is a number, not a string
export const stringDepth = <comment-list depth="3" />;
