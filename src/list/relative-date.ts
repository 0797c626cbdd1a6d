/**
 * A comment's date as readers say it ("3 hours ago"), with the absolute date for
 * `title`; the `Intl` formatters are made once per language, as creating them is slow.
 */
import { perLanguage } from '../shared/intl-cache.js';

interface DateFormats {
  relative: Intl.RelativeTimeFormat;
  absolute: Intl.DateTimeFormat;
}
const formats = perLanguage<DateFormats>((locale) => ({
  relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  absolute: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }),
}));

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function describeDate(date: Date, now: number, language: string | undefined): { label: string; title: string } {
  const { relative, absolute } = formats(language);
  const seconds = Math.round((date.getTime() - now) / 1000);
  const [unit, size] = UNITS.find(([, length]) => Math.abs(seconds) >= length) ?? UNITS[UNITS.length - 1]!;
  return { label: relative.format(Math.trunc(seconds / size), unit), title: absolute.format(date) };
}
