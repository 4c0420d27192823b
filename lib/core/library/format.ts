/** Dates as the library and popup show them: the reader's own locale, day precision. */

const dayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** A time (ms since the epoch) or an ISO 8601 date as a local calendar day, e.g. "3 May 2024" / "2024年5月3日"; '' if unknown. */
export function formatDay(when: number | string): string {
  const ms = typeof when === 'number' ? when : Date.parse(when);
  return when === '' || !Number.isFinite(ms) ? '' : dayFormat.format(ms);
}
