// Bench entry: <news-article> alone, built by scripts/bench/build.js with vite.config.ts's options.
import { NewsArticleElement } from '/src/article/news-article.ts';

NewsArticleElement.define();
