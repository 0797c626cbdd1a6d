/**
 * Reading JSON as real servers send it. Engines differ on deep nesting: V8,
 * SpiderMonkey and JavaScriptCore parse a million levels today, others have thrown a
 * RangeError or "too much recursion"; that failure is stubbed here, as an engine throws it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseLenientJson } from '../../../src/shared/lenient-json.js';
import { readArticle } from '../../../src/article/read-articles.js';

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const feedWithDeepField = (depth: number) =>
  `{"version":"https://jsonfeed.org/version/1.1","_unused":${deep(depth)},"items":[{"id":"1","title":"Still here","content_text":"[not {nesting]"}]}`;

/** An engine whose parser gives up past `limit` levels, with the error `make` builds. */
function stubShallowParser(limit: number, make: () => Error) {
  const parse = JSON.parse;
  vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    let depth = 0;
    let deepest = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (inString) {
        if (char === '\\') i++;
        else if (char === '"') inString = false;
      } else if (char === '"') inString = true;
      else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
      else if (char === ']' || char === '}') depth--;
    }
    if (deepest > limit) throw make();
    return parse(text, reviver);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('parseLenientJson', () => {
  it('skips a byte-order mark and PHP notices before the JSON', () => {
    expect(parseLenientJson('\uFEFF{"a":1}')).toEqual({ a: 1 });
    expect(parseLenientJson('<br />\n<b>Notice</b>: Undefined index in x.php<br />\n{"a":[1]}')).toEqual({ a: [1] });
    expect(parseLenientJson('<br />notice', false)).toBeUndefined();
  });

  it('reads truncated or empty text as no JSON', () => {
    for (const text of ['', '{"version":"https:', '<!doctype html><title>Log in</title>', '{"a":[1,2}']) {
      expect(parseLenientJson(text), text).toBeUndefined();
    }
  });

  it('reads null, numbers and lists as the JSON they are', () => {
    expect(parseLenientJson('null')).toBeNull();
    expect(parseLenientJson('[]')).toEqual([]);
    expect(parseLenientJson('42')).toBe(42);
  });

  for (const [engine, make] of [
    ['a RangeError (V8 before 7.6, JavaScriptCore)', () => new RangeError('Maximum call stack size exceeded.')],
    [
      'an InternalError (SpiderMonkey)',
      () => Object.assign(new Error('too much recursion'), { name: 'InternalError' }),
    ],
  ] as const) {
    it(`reads the article of a feed nested a million levels deep in an unused field, where the parser throws ${engine}`, () => {
      stubShallowParser(10_000, make);
      const text = feedWithDeepField(1_000_000);
      expect(() => JSON.parse(text)).toThrow();
      const feed = parseLenientJson(text) as { _unused: unknown };
      const article = readArticle(feed);
      expect(article?.title).toEqual({ kind: 'text', value: 'Still here' });
      // Brackets inside strings are text, not nesting.
      expect(article?.content).toEqual({ kind: 'text', value: '[not {nesting]' });
      let level = feed._unused;
      let depth = 0;
      while (Array.isArray(level)) [level, depth] = [level[0], depth + 1];
      expect([depth, level]).toEqual([511, null]);
    });
  }

  it('still refuses nesting that never closes', () => {
    stubShallowParser(10_000, () => new RangeError('Maximum call stack size exceeded'));
    expect(parseLenientJson('{"a":' + '['.repeat(100_000))).toBeUndefined();
  });

  it('leaves shallow JSON to the engine', () => {
    const parse = vi.spyOn(JSON, 'parse');
    expect(parseLenientJson(deep(100))).toHaveLength(1);
    expect(parse).toHaveBeenCalledTimes(1);
  });
});
