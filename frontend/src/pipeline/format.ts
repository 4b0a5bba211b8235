/** Number formatting of the pipeline page: a dash for an unknown value (null), units spelled out for screen readers. */

export const UNKNOWN = '—';

export function count(value: number | null | undefined): string {
  return value == null ? UNKNOWN : Math.round(value).toLocaleString('en');
}

export function perSecond(value: number | null | undefined): string {
  if (value == null) return UNKNOWN;
  return `${value.toLocaleString('en', { maximumFractionDigits: value < 10 ? 1 : 0 })}/s`;
}

/** Seconds as ms below one second, else seconds with one decimal. */
export function duration(seconds: number | null | undefined): string {
  if (seconds == null) return UNKNOWN;
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  return `${seconds.toLocaleString('en', { maximumFractionDigits: 1 })} s`;
}
