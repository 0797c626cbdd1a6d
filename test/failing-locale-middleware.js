/**
 * A language chunk of <comment-form> that cannot be downloaded, for real: while the page
 * holds the cookie `failing-locale=<language>`, the test runner answers that language's
 * chunk (`/src/comment/locales/comment-form.<language>.*`) with 503. A cookie rather than server
 * state, so browsers running side by side never see each other's failures.
 */
export async function failingLocaleMiddleware(ctx, next) {
  const failing = ctx.cookies.get('failing-locale');
  if (failing && ctx.path.startsWith(`/src/comment/locales/comment-form.${failing}.`)) {
    ctx.status = 503;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = 'Service Unavailable';
    return;
  }
  return next();
}
