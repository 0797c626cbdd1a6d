/**
 * JSON the way real servers send it: a byte-order mark is ignored, PHP notices
 * printed before the JSON (a common WordPress misconfiguration) can be skipped, and
 * nesting deeper than the engine's parser can follow does not cost the whole document.
 */

/** Deeper than any feed needs: arrays and objects below this depth are read as `null`. */
const MAX_DEPTH = 512;

/** The parsed value, or `undefined` when the text holds no JSON. */
export function parseLenientJson(text: string, skipLeadingNoise = true): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return parseShallowEnough(body);
  } catch {
    // Skip leading noise up to the first line that starts a JSON object or array.
    const start = skipLeadingNoise ? body.search(/^[{[]/m) : -1;
    if (start > 0) {
      try {
        return parseShallowEnough(body.slice(start));
      } catch {
        /* no JSON after the noise either */
      }
    }
    return undefined;
  }
}

/**
 * `JSON.parse`, and when the engine gives up on deep nesting (a RangeError, or
 * Firefox's InternalError "too much recursion", where the text is valid JSON), the
 * same text with everything nested deeper than `MAX_DEPTH` read as `null`: a field
 * nested a million levels deep is never one a reader needs.
 */
function parseShallowEnough(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw error;
    return JSON.parse(withoutDeepNesting(text));
  }
}

/** The JSON text with each array or object at depth `MAX_DEPTH + 1` replaced by `null`, in one pass. */
function withoutDeepNesting(text: string): string {
  const kept: string[] = [];
  let depth = 0;
  let inString = false;
  let keptUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      if (++depth === MAX_DEPTH + 1) kept.push(text.slice(keptUpTo, i), 'null');
    } else if (code === 0x7d || code === 0x5d) {
      if (depth-- === MAX_DEPTH + 1) keptUpTo = i + 1;
    }
  }
  // Unbalanced text is left for JSON.parse to refuse.
  if (depth !== 0) return text;
  kept.push(text.slice(keptUpTo));
  return kept.join('');
}
