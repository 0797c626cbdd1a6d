/**
 * Headings whose level the page chooses (`heading-level`), so the elements fit any
 * page outline. Static tags, since Lit cannot bind a tag name.
 */
import { literal, type StaticValue } from 'lit/static-html.js';

const HEADING_TAGS = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** The heading tag for `level`, clamped to 1–6; `fallback` when the level is not a number. */
export function headingTag(level: number, fallback: number): StaticValue {
  return HEADING_TAGS[Math.min(6, Math.max(1, Math.trunc(level) || fallback)) - 1]!;
}
