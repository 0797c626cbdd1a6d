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

/**
 * `describeDate` once per comment and language: a render of 500 comments would otherwise
 * format 1,000 dates. A new language starts afresh.
 */
export class DateLabels {
  #labels = new WeakMap<Date, { label: string; title: string }>();
  #language: string | undefined;

  /** A describer for one render: `now` and `language` fixed for all of its dates. */
  forRender(language: string | undefined, now = Date.now()): (date: Date) => { label: string; title: string } {
    if (this.#language !== language) this.#labels = new WeakMap();
    this.#language = language;
    const labels = this.#labels;
    return (date) => {
      let described = labels.get(date);
      if (!described) labels.set(date, (described = describeDate(date, now, language)));
      return described;
    };
  }
}
