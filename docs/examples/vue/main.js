// The app's entry: it has the feed already (here fetched once at start) and reports
// each article view to the page's analytics queue.
import { createApp } from 'vue';
import ArticleWithComments from './ArticleWithComments.vue';

const feed = await (await fetch('/feed.json')).json();

createApp(ArticleWithComments, {
  feed,
  itemId: 'library-reopens',
  endpoint: '/api/comments',
  onArticleShown: (article) => (window.dataLayer ??= []).push({ event: 'article_view', articleId: article.id }),
}).mount('#app');
