import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../src/article/parse-date.js';

const elasticFeed = JSON.parse(
  readFileSync(
    new URL(
      '../../fixtures/corpus/feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_elastic_1.1.json',
      import.meta.url,
    ),
    'utf8',
  ),
);
const wordPressPost = JSON.parse(
  readFileSync(
    new URL(
      '../../fixtures/corpus/wordpress/WordPress__wordpress-develop__tests__qunit__fixtures__wp-api-generated__PostModel.json',
      import.meta.url,
    ),
    'utf8',
  ),
);

const iso = (value: unknown, assumeUtc?: boolean) => parseFeedDate(value, { assumeUtc })?.toISOString();

describe('parseFeedDate', () => {
  it('reads RFC 3339 dates with an offset as the moment they name', () => {
    expect(iso('2017-05-17T08:02:12-07:00')).toBe('2017-05-17T15:02:12.000Z');
    expect(iso('2020-01-24T23:46:57Z')).toBe('2020-01-24T23:46:57.000Z');
    expect(iso('2010-02-07T14:04:00+05:30')).toBe('2010-02-07T08:34:00.000Z');
  });

  it('keeps fractional seconds to the millisecond', () => {
    expect(iso('2019-10-12T07:20:50.52Z')).toBe('2019-10-12T07:20:50.520Z');
    expect(iso('2019-10-12T07:20:50.123456Z')).toBe('2019-10-12T07:20:50.123Z');
  });

  it('accepts a space for the T, a lowercase z and compact offsets', () => {
    expect(iso('2017-02-14 10:00:00+01:00')).toBe('2017-02-14T09:00:00.000Z');
    expect(iso('2017-02-14t10:00:00z')).toBe('2017-02-14T10:00:00.000Z');
    expect(iso('2017-02-14T10:00:00+0100')).toBe('2017-02-14T09:00:00.000Z');
    expect(iso('2017-02-14T10:00-05')).toBe('2017-02-14T15:00:00.000Z');
  });

  it('reads a date with no time as midnight UTC', () => {
    expect(iso('2019-10-12')).toBe('2019-10-12T00:00:00.000Z');
  });

  it('reads the RFC 2822 dates of a WordPress-made JSON Feed', () => {
    const [first, second] = elasticFeed.items;
    expect(first.date_published).toBe('Fri, 31 May 2019 12:17:58 -0700');
    expect(iso(first.date_published)).toBe('2019-05-31T19:17:58.000Z');
    expect(iso(second.date_modified)).toBe('2018-02-06T13:34:12.000Z');
  });

  it('reads RFC 2822 dates without a day name, with zone names and two-digit years', () => {
    expect(iso('31 May 2019 12:17:58 GMT')).toBe('2019-05-31T12:17:58.000Z');
    expect(iso('Fri, 31 May 2019 12:17:58 PDT')).toBe('2019-05-31T19:17:58.000Z');
    expect(iso('Fri, 31 May 2019 12:17:58 EST')).toBe('2019-05-31T17:17:58.000Z');
    expect(iso('Fri, 31 May 2019 12:17:58 cdt')).toBe('2019-05-31T17:17:58.000Z');
    expect(iso('Fri, 31 May 2019 12:17:58 UT')).toBe('2019-05-31T12:17:58.000Z');
    expect(iso('Fri, 31 May 2019 12:17:58 Z')).toBe('2019-05-31T12:17:58.000Z');
    expect(iso('1 Jun 19 08:05 +0200')).toBe('2019-06-01T06:05:00.000Z');
    expect(iso('1 Jun 99 08:05:00 +0000')).toBe('1999-06-01T08:05:00.000Z');
  });

  it('reads a WordPress date_gmt, which has no zone, as UTC when told to', () => {
    expect(wordPressPost.date_gmt).toBe('2017-02-14T00:00:00');
    expect(iso(wordPressPost.date_gmt, true)).toBe('2017-02-14T00:00:00.000Z');
    expect(iso('2016-11-25 18:31:11', true)).toBe('2016-11-25T18:31:11.000Z');
  });

  it('does not guess the zone of a date-time that has none', () => {
    expect(parseFeedDate('2017-02-14T00:00:00')).toBeUndefined();
  });

  it('still honours an explicit zone when assuming UTC', () => {
    expect(iso('2017-02-14T00:00:00+02:00', true)).toBe('2017-02-13T22:00:00.000Z');
  });

  it('keeps years before 100 instead of moving them to the 1900s', () => {
    expect(parseFeedDate('0050-01-01T00:00:00Z')?.getUTCFullYear()).toBe(50);
  });

  it('drops values that are not date strings instead of showing Invalid Date', () => {
    for (const value of [1558555078, 1558555078000, {}, [], null, undefined, true, new Date('2019-05-31')]) {
      expect(parseFeedDate(value)).toBeUndefined();
    }
  });

  it('drops unparseable and impossible dates instead of showing Invalid Date', () => {
    for (const value of [
      '',
      'yesterday',
      'Invalid Date',
      '0000-00-00 00:00:00',
      '0000-00-00T00:00:00Z',
      '2019-02-29T00:00:00Z',
      '2019-13-01T00:00:00Z',
      '2019-05-31T24:00:00Z',
      '2019-05-31T12:60:00Z',
      '2019-05-31T12:17:58+05:99',
      '2019-05-31T12:17:58+24:00',
      '31 May 2019 12:17:58',
      '31 Foo 2019 12:17:58 -0700',
      '32 May 2019 12:17:58 -0700',
      'Fri, 31 May 2019 12:17:58 XYZ',
      'Fri, 31 May 2019 12:17:58 +0075',
      'Fri, 31 May 2019 12:17:58 -0700 trailing',
      '2019/05/31',
      '05/31/2019',
    ]) {
      expect(parseFeedDate(value, { assumeUtc: true }), value).toBeUndefined();
    }
  });

  it('accepts a leap day and a leap second', () => {
    expect(iso('2020-02-29T12:00:00Z')).toBe('2020-02-29T12:00:00.000Z');
    expect(iso('2016-12-31T23:59:60Z')).toBe('2016-12-31T23:59:59.000Z');
  });

  it('ignores whitespace around the value', () => {
    expect(iso('  2020-01-24T23:46:57Z\n')).toBe('2020-01-24T23:46:57.000Z');
  });
});
