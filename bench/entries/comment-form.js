// Bench entry: <comment-form> alone, built by scripts/bench/build.js with vite.config.ts's options.
import { CommentFormElement } from '/src/comment/comment-form.ts';

CommentFormElement.define();
