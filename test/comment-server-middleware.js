/**
 * Comment endpoints the browser tests post to, on the test runner's loopback server.
 */
export async function commentServerMiddleware(ctx, next) {
  await next();
}
