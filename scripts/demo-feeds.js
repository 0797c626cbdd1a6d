/**
 * The feeds the demo page lets a person pick, as Node middleware `(req, res, next)`:
 * the real JSON Feeds and WordPress posts of the test corpus (test/fixtures/corpus,
 * read-only: copied as they are, with their provenance). `npm start` mounts it.
 *
 * GET /demo-feeds/index.json lists them: `{ feeds: [{ id, label, url }], problem? }`,
 * where `problem` says in words why the corpus could not be read (the page shows it in
 * its picker). GET /demo-feeds/<id>.json serves one file as it is, the id being its
 * folder and the last part of its name (`feeds/jsonfeed_elastic_1.1`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const BASE = '/demo-feeds/';
/** The folders of the corpus that hold feeds and WordPress REST responses. */
const FOLDERS = ['feeds', 'wordpress'];

const send = (res, status, body, type = 'application/json; charset=utf-8') => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
};

/** "…__jsonfeed_elastic_1.1.json" → "jsonfeed_elastic_1.1": short enough for a URL. */
const shortName = (file) =>
  file
    .split('__')
    .pop()
    .replace(/\.json$/, '');
const plain = (html) =>
  String(html)
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .trim();
const isWordPressPost = (doc) =>
  doc && typeof doc === 'object' && doc.type === 'post' && doc.title?.rendered !== undefined;

/** What a corpus file is, in words, or undefined when it is not something an article can show (a comment, say). */
function describe(folder, doc) {
  if (folder === 'feeds' && doc && Array.isArray(doc.items)) {
    const items = doc.items.length;
    return `JSON Feed ${String(doc.version).replace(/^https:\/\/jsonfeed\.org\/version\//, '')}: ${plain(doc.title ?? 'untitled')} (${items} ${items === 1 ? 'item' : 'items'})`;
  }
  if (folder === 'wordpress' && isWordPressPost(doc)) return `WordPress post: ${plain(doc.title.rendered)}`;
  if (folder === 'wordpress' && Array.isArray(doc) && doc.length && doc.every(isWordPressPost)) {
    return `WordPress posts collection (${doc.length} ${doc.length === 1 ? 'post' : 'posts'})`;
  }
  return undefined;
}

/** @param {{ corpus: string }} options the corpus folder (test/fixtures/corpus/ from the project root) */
export function createDemoFeeds({ corpus }) {
  async function list() {
    const feeds = [];
    for (const folder of FOLDERS) {
      const files = (await readdir(join(corpus, folder))).filter((file) => file.endsWith('.json')).sort();
      for (const file of files) {
        const label = describe(folder, JSON.parse(await readFile(join(corpus, folder, file), 'utf8')));
        if (label)
          feeds.push({
            id: `${folder}/${shortName(file)}`,
            label: `${label}, ${shortName(file)}`,
            url: `${BASE}${folder}/${shortName(file)}.json`,
          });
      }
    }
    return feeds;
  }

  return async function demoFeeds(req, res, next) {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (!path.startsWith(BASE)) return next();
    if (path === `${BASE}index.json`) {
      try {
        return send(res, 200, { feeds: await list() });
      } catch (error) {
        const problem =
          error.code === 'ENOENT'
            ? `The real feeds live in test/fixtures/corpus/, and that folder could not be read (looked in ${corpus}). Only the seed article can be shown.`
            : `The real feeds in ${corpus} could not be read (${error.message}). Only the seed article can be shown.`;
        return send(res, 200, { feeds: [], problem });
      }
    }
    const [folder, name, ...rest] = path.slice(BASE.length).split('/');
    const wanted = name?.replace(/\.json$/, '');
    try {
      if (!FOLDERS.includes(folder) || !wanted || rest.length) throw new Error('not a demo feed path');
      const file = (await readdir(join(corpus, folder))).find(
        (candidate) => candidate.endsWith('.json') && shortName(candidate) === wanted,
      );
      if (!file) throw new Error('no such file');
      return send(res, 200, await readFile(join(corpus, folder, file)));
    } catch {
      return send(res, 404, { message: `No such demo feed: ${path} (is test/fixtures/corpus/ in this clone?)` });
    }
  };
}
