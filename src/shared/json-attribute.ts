/**
 * A Lit property that takes an object as a property or as JSON in its attribute
 * (`strings='{"heading":"Join the discussion"}'`), as both elements' `strings` do.
 * JSON that is not an object never throws: the console names the element and the
 * attribute, and the property keeps the value it had.
 */
import type { PropertyDeclaration } from 'lit';
import { isJsonObject } from './json-fields.js';

/**
 * Objects the converter returned for an attribute it could not read. They are fresh
 * and empty; `hasChanged`, which Lit calls right after with the value they replace,
 * fills each with that value, so the property keeps what it had.
 */
const unreadable = new WeakSet<object>();

/** The attribute's JSON object; an empty object once the attribute is removed. */
function fromJsonAttribute(tag: string, attribute: string, text: string | null): object {
  if (text === null) return {};
  let problem = 'it is not an object';
  try {
    const value: unknown = JSON.parse(text);
    if (isJsonObject(value)) return value;
  } catch (error) {
    problem = String(error);
  }
  console.warn(
    `<${tag}> keeps its ${attribute} as they were: its ${attribute} attribute is not a JSON object (${problem}).`,
  );
  const kept = {};
  unreadable.add(kept);
  return kept;
}

/**
 * The declaration of such a property: `strings: jsonObjectAttribute('comment-form', 'strings')`.
 * `tag` names the element in the console (its default tag).
 */
export function jsonObjectAttribute<T extends object>(tag: string, attribute: string): PropertyDeclaration<T> {
  return {
    attribute,
    converter: { fromAttribute: (text) => fromJsonAttribute(tag, attribute, text) as T },
    hasChanged(value, previous) {
      if (!unreadable.has(value)) return !Object.is(value, previous);
      unreadable.delete(value);
      Object.assign(value, previous);
      return false;
    },
  };
}
