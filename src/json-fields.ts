/**
 * Type checks for fields read from untrusted JSON: a field of the wrong type reads
 * as `undefined`, so the normalizers drop that field and keep the rest.
 */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string with something in it, trimmed. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() || undefined : undefined;
}
