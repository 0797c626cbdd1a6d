/**
 * A lazily loaded chunk that can be asked for again after its download failed. A browser
 * may keep a failed import in its module map and fail every later import of that URL
 * without a request (Chromium and Firefox do), so a retry asks for the chunk under a URL of
 * its own: the one the bundler wrote into `importer`, with `?retry=N`.
 */
export function retryingImport<Module>(importer: () => Promise<Module>, base: string): () => Promise<Module> {
  let loaded: Promise<Module> | undefined;
  let failures = 0;
  const importAgain = (): Promise<Module> => {
    const specifier = /import\(\s*(["'`])([^"'`]+)\1/.exec(String(importer))?.[2];
    if (!specifier) return importer();
    const url = new URL(specifier, base);
    url.searchParams.set('retry', String(failures));
    return import(/* @vite-ignore */ url.href) as Promise<Module>;
  };
  return () =>
    (loaded ??= (failures ? importAgain() : importer()).catch((error: unknown) => {
      loaded = undefined;
      failures++;
      throw error;
    }));
}
