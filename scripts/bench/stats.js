/** Small statistics and formatting helpers shared by the benchmark phases. */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The q-quantile (0..1) of numbers, linear interpolation between closest ranks. */
export function quantile(values, q) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export const median = (values) => quantile(values, 0.5);

/** Bytes raw, gzip -9 and brotli quality 11 (the same settings as scripts/check-size.js). */
export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export const sumSizes = (list) =>
  list.reduce(
    (total, size) => ({ raw: total.raw + size.raw, gzip: total.gzip + size.gzip, brotli: total.brotli + size.brotli }),
    {
      raw: 0,
      gzip: 0,
      brotli: 0,
    },
  );

/** 12345 -> "12.3 KB" (KB = 1,000 bytes, as the targets and scripts/check-size.js count). */
export const kb = (bytes) => (bytes === undefined ? '–' : `${(bytes / 1000).toFixed(1)} KB`);
export const ms = (value, digits = 0) =>
  value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(digits)} ms`;
export const fixed = (value, digits = 2) =>
  value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
export const round = (value, digits = 3) =>
  value === undefined || !Number.isFinite(value) ? value : Math.round(value * 10 ** digits) / 10 ** digits;
