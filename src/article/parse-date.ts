/**
 * Reads the dates feeds really send (RFC 3339, RFC 2822, WordPress zone-less GMT
 * strings) into a `Date`, or `undefined` when the value names no moment, so an
 * article never shows "Invalid Date".
 */

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

const RFC_2822_DATE =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,3})$/i;

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';

/** North American zone names RFC 2822 still allows, as hours from UTC. */
const ZONE_HOURS: Record<string, number> = {
  GMT: 0,
  UT: 0,
  UTC: 0,
  Z: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
};

export interface ParseFeedDateOptions {
  /** Read a date-time without a zone as UTC (WordPress `date_gmt`, `modified_gmt`). */
  assumeUtc?: boolean;
}

/**
 * Parses a feed date. Without `assumeUtc`, a date-time with no zone is rejected:
 * reading it in the reader's own zone would show every reader a different moment.
 * A bare date (`2019-10-12`) is midnight UTC, as in ECMAScript.
 */
export function parseFeedDate(value: unknown, options: ParseFeedDateOptions = {}): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();

  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction, zone] = iso;
    if (hour !== undefined && zone === undefined && !options.assumeUtc) return undefined;
    return utcDate(
      Number(year),
      Number(month),
      Number(day),
      Number(hour ?? 0),
      Number(minute ?? 0),
      Number(second ?? 0),
      // Only milliseconds fit in a Date; further digits are dropped, not rounded.
      Number((fraction ?? '').slice(0, 3).padEnd(3, '0')),
      zone === undefined ? 0 : isoOffsetMinutes(zone),
    );
  }

  // Parsed here rather than by `Date.parse`, whose handling of this format is
  // implementation-defined and differs between engines.
  const rfc = RFC_2822_DATE.exec(text);
  if (rfc) {
    const [, day, monthName, year, hour, minute, second, zone] = rfc;
    const offset = rfc2822OffsetMinutes(zone);
    if (offset === undefined) return undefined;
    let fullYear = Number(year);
    // RFC 2822 section 4.3: two-digit years below 50 are 20xx, the rest 19xx.
    if (year.length === 2) fullYear += fullYear < 50 ? 2000 : 1900;
    const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) / 3 + 1;
    return utcDate(fullYear, month, Number(day), Number(hour), Number(minute), Number(second ?? 0), 0, offset);
  }
  return undefined;
}

function isoOffsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(2) || 0);
  // NaN makes utcDate reject an offset like +05:99.
  return minutes > 59 ? NaN : sign * (Number(digits.slice(0, 2)) * 60 + minutes);
}

function rfc2822OffsetMinutes(zone: string): number | undefined {
  if (/^[+-]\d{4}$/.test(zone)) return isoOffsetMinutes(zone);
  const hours = ZONE_HOURS[zone.toUpperCase()];
  return hours === undefined ? undefined : hours * 60;
}

/** Builds the moment from local fields and their UTC offset, rejecting out-of-range fields
 *  (month 00, 31 February, 25:00) instead of letting them roll over. */
function utcDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  offsetMinutes: number,
): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  if (!(Math.abs(offsetMinutes) < 24 * 60)) return undefined;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0-99 into 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day) return undefined;
  // A leap second (:60) is shown as the second before it.
  date.setUTCHours(hour, minute, Math.min(second, 59), millisecond);
  date.setTime(date.getTime() - offsetMinutes * 60_000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
