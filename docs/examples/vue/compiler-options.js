// Tells Vue's template compiler that these tags are custom elements, not Vue components
// to resolve. Pass it to @vitejs/plugin-vue (see vite.config.js in the guide).
export const compilerOptions = {
  isCustomElement: (tag) => tag === 'news-article' || tag === 'comment-form',
};
