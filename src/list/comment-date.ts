/**
 * Reads the dates comment sources give. WordPress's `date_gmt` has no zone
 * (`2026-11-30T10:00:00`) and is UTC, so a date without a zone is read as UTC,
 * never as the reader's local time.
 */
export function parseCommentDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const text = value.trim().replace(' ', 'T');
  const hasZone = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(text);
  const date = new Date(hasZone || !text.includes('T') ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
