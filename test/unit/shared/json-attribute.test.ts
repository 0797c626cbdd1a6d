/**
 * The `strings` declaration both elements share (src/shared/json-attribute.ts), as Lit
 * uses it: `converter.fromAttribute` with the attribute's text, then `hasChanged` with
 * the converted value and the one it replaces.
 */
import type { ComplexAttributeConverter } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonObjectAttribute } from '../../../src/shared/json-attribute.js';

type Words = Record<string, unknown>;
const declaration = jsonObjectAttribute<Words>('comment-form', 'strings');
const fromAttribute = (text: string | null) =>
  (declaration.converter as ComplexAttributeConverter<Words>).fromAttribute!(text);
/** The value the property ends with when the attribute is set to `text` over `previous`, and whether Lit re-renders. */
function setAttribute(text: string | null, previous: Words | undefined) {
  const value = fromAttribute(text);
  const changed = declaration.hasChanged!(value, previous as Words);
  return { value, changed };
}

afterEach(() => vi.restoreAllMocks());

describe('jsonObjectAttribute', () => {
  it('names the attribute it reads', () => {
    expect(declaration.attribute).toBe('strings');
  });

  it('applies a JSON object, nested objects included', () => {
    const { value, changed } = setAttribute('{"heading":"Join the discussion","errors":{"http":"Oops"}}', {});
    expect(value).toEqual({ heading: 'Join the discussion', errors: { http: 'Oops' } });
    expect(changed).toBe(true);
  });

  it('goes back to no replacements when the attribute is removed', () => {
    expect(setAttribute(null, { heading: 'Join' })).toEqual({ value: {}, changed: true });
  });

  it('keeps the words it had when the attribute is not JSON, and says so in the console, naming the element and attribute', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const previous = { heading: 'Join the discussion' };
    const { value, changed } = setAttribute('{heading: Join}', previous);
    expect(value).toEqual(previous);
    expect(changed).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(
      /^<comment-form> keeps its strings as they were: its strings attribute is not a JSON object \(SyntaxError: .+\)\.$/,
    );
  });

  it('keeps the words it had for JSON that is not an object: an array, a string, a number, null', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const text of ['["a"]', '"heading"', '42', 'null']) {
      expect(setAttribute(text, { submit: 'Send' }), text).toEqual({ value: { submit: 'Send' }, changed: false });
    }
    expect(warn).toHaveBeenCalledTimes(4);
    expect(String(warn.mock.calls[0]![0])).toContain('(it is not an object)');
  });

  it('leaves the built-in words when there were no words before', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(setAttribute('not json', undefined)).toEqual({ value: {}, changed: false });
  });

  it('counts a new object set as a property as a change, and the same object as none', () => {
    const words = { heading: 'Join' };
    expect(declaration.hasChanged!({ ...words }, words)).toBe(true);
    expect(declaration.hasChanged!(words, words)).toBe(false);
  });
});
