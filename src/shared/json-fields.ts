/**
 * Type checks for fields read from untrusted JSON: a field of the wrong type reads
 * as `undefined`, so the normalizers drop that field and keep the rest.
 *
 * Fields are read from an object's own properties only: a page that sets
 * `Object.prototype.title` (or `href`, `items`…) must not give every article that title.
 */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The object's own fields, in an object with no prototype (so a missing field reads as
 * `undefined` whatever the page did to `Object.prototype`), or `undefined` for anything
 * that is not a JSON object.
 */
export function ownFields(value: unknown): JsonObject | undefined {
  return isJsonObject(value) ? Object.assign(Object.create(null) as JsonObject, value) : undefined;
}

/** A string with something in it, trimmed. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() || undefined : undefined;
}
