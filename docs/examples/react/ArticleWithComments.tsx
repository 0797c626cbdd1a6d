// An article with its comment form in React 19: objects go to the elements as
// properties, and their events are heard through `on<event-name>` props.
import { useState } from 'react';
// Registers <news-article> and <comment-form>. It must run before React first renders
// them: React sets a prop as a property only when the element already has it, and
// otherwise writes an attribute (data="[object Object]").
import 'news-widgets/define.js';
import type { Article, CommentFormStrings, NewsArticleStringOverrides } from 'news-widgets';

// Created once, outside the component: a new object on every render would be new
// words, or a new document to load, for the elements on every render.
const articleStrings: NewsArticleStringOverrides = { by: 'Written by', categorizedAs: 'Filed under' };
const formStrings: Partial<CommentFormStrings> = { heading: 'Join the discussion', submit: 'Publish comment' };

export interface ArticleWithCommentsProps {
  /** A parsed JSON Feed or WordPress document the app already has. Keep the same object between renders. */
  feed: object;
  /** The item to show: a JSON Feed item's `id`, a WordPress post's `id` or slug. */
  itemId: string;
  /** Where comments go: WordPress's `…/wp/v2/comments` or an endpoint of the JSON contract. */
  endpoint: string;
  /** Called once the article is on show, for analytics say. */
  onArticleShown?: (article: Article) => void;
}

export function ArticleWithComments({ feed, itemId, endpoint, onArticleShown }: ArticleWithCommentsProps) {
  const [notice, setNotice] = useState('');

  return (
    <>
      <news-article
        data={feed}
        item={itemId}
        strings={articleStrings}
        headingLevel={2}
        // `load` does not bubble, so React's `onLoad` never hears it on a custom element:
        // the lowercase `onload` is a listener on the element itself.
        onload={(event) => onArticleShown?.(event.currentTarget.article!)}
      >
        <comment-form
          endpoint={endpoint}
          strings={formStrings}
          oncomment-form-success={(event) =>
            setNotice(
              event.status === 'approved'
                ? `Thank you, ${event.submission.fields.name}: your comment is published.`
                : `Thank you, ${event.submission.fields.name}: your comment will appear once it is approved.`,
            )
          }
          oncomment-form-error={(event) => {
            if (event.reason === 'queued')
              setNotice('You seem to be offline: your comment will be sent when you are back.');
          }}
        />
      </news-article>
      <p className="comment-notice" role="status">
        {notice}
      </p>
    </>
  );
}
