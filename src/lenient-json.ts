/**
 * JSON the way real servers send it: a byte-order mark is ignored, and PHP notices
 * printed before the JSON (a common WordPress misconfiguration) can be skipped.
 */

/** The parsed value, or `undefined` when the text holds no JSON. */
export function parseLenientJson(text: string, skipLeadingNoise = true): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch {
    // Skip leading noise up to the first line that starts a JSON object or array.
    const start = skipLeadingNoise ? body.search(/^[{[]/m) : -1;
    if (start > 0) {
      try {
        return JSON.parse(body.slice(start));
      } catch {
        /* no JSON after the noise either */
      }
    }
    return undefined;
  }
}
