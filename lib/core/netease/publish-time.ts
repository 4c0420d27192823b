/**
 * When an article was published, read from whichever of the page's several time stamps is present and written as
 * ISO 8601 in Beijing time (`2026-01-20T10:32:18+08:00`), so the same article reads the same on every template.
 */

/** NetEase publishes in Beijing time, UTC+8, without daylight saving. */
const BEIJING_OFFSET_MINUTES = 8 * 60;

/** `YYYY-MM-DD HH:MM[:SS]`, `T` or space between, optional fraction and offset (`Z`, `+08:00`, `+0800`). */
const TIMESTAMP = /(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|([+-])(\d{2}):?(\d{2}))?/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Minutes east of UTC of a matched stamp: its offset, or Beijing time when it has none. */
function offsetMinutes(m: RegExpExecArray): number {
  const [zone, sign, hours, minutes] = m.slice(7, 11);
  if (zone === undefined) return BEIJING_OFFSET_MINUTES;
  if (zone === 'Z') return 0;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * The first time stamp in `text` as ISO 8601 with `+08:00`, or null when there is none or it is not a real time
 * (month 13, 25 o'clock…). A stamp without an offset is taken as Beijing time; one with an offset is converted.
 */
function toBeijingIso(text: string): string | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const second = Number(m[6] ?? 0);
  const wallClock = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-02-30 over to March 2: a changed month or day means the stamp was not a real date
  if (wallClock.getUTCMonth() !== month - 1 || wallClock.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const utc = wallClock.getTime() - offsetMinutes(m) * 60_000;
  const beijing = new Date(utc + BEIJING_OFFSET_MINUTES * 60_000);
  return (
    `${beijing.getUTCFullYear()}-${pad(beijing.getUTCMonth() + 1)}-${pad(beijing.getUTCDate())}` +
    `T${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}:${pad(beijing.getUTCSeconds())}+08:00`
  );
}

/** Where each template keeps the publish time, most precise first; the byline text is the last resort. */
const TIME_SOURCES: ((doc: Document) => string | null | undefined)[] = [
  (doc) => doc.documentElement.getAttribute('data-publishtime'),
  (doc) => doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
  (doc) => doc.querySelector('#contain[data-ptime]')?.getAttribute('data-ptime'),
  (doc) => doc.querySelector('time[datetime]')?.getAttribute('datetime'),
];

/**
 * The article's publish time as ISO 8601 with `+08:00`, from `html[data-publishtime]`,
 * `meta[property="article:published_time"]`, `#contain[data-ptime]`, `time[datetime]` or, failing those, the
 * byline text (`.post_info`, `.post_time_source`) — or '' when the page says nothing usable.
 */
export function publishedAtOf(doc: Document, byline: Element | null): string {
  for (const read of TIME_SOURCES) {
    const value = read(doc);
    const iso = value ? toBeijingIso(value) : null;
    if (iso) return iso;
  }
  return (byline?.textContent && toBeijingIso(byline.textContent)) || '';
}
