/**
 * A text's length in UTF-8 bytes, as WordPress counts its column limits: read by the
 * validation (in the comment engine's chunk) and by the words of a too-long field (in the
 * form's first render), so a module of its own.
 */
const encoder = new TextEncoder();

export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}
