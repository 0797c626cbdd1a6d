// The app's entry: it has the feed already (here fetched once at start) and reports
// each article view to the page's analytics queue.
import { createRoot } from 'react-dom/client';
import { ArticleWithComments } from './ArticleWithComments.js';

declare global {
  interface Window {
    dataLayer?: object[];
  }
}

const feed: object = await (await fetch('/feed.json')).json();

createRoot(document.getElementById('root')!).render(
  <ArticleWithComments
    feed={feed}
    itemId="library-reopens"
    endpoint="/api/comments"
    onArticleShown={(article) => (window.dataLayer ??= []).push({ event: 'article_view', articleId: article.id })}
  />,
);
