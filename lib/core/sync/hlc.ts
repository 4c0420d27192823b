/**
 * Hybrid logical clock stamps (Kulkarni et al.): a wall-clock time that never runs behind what the device has seen,
 * a counter for events in the same millisecond, and the device id as the final tie-breaker. An edit a device makes
 * after seeing another device's edit gets a later stamp, whatever either device's clock says, so "the later edit
 * wins" is well defined.
 *
 * Edits are stamped when they are sent, which may be long after they were made (offline). So the clock keeps a short
 * history of what it had seen at which local time, and stamps an edit made at `at` with what was known at `at` only:
 * an offline edit does not jump ahead of remote edits that arrived after it was made.
 */

/** One stamp. Ordered by `wall`, then `count`, then `device` (see `compareStamps`). */
export interface Stamp {
  wall: number;
  count: number;
  device: string;
}

/** What the clock knew from local wall time `since` on. */
export interface Known {
  since: number;
  stamp: Stamp;
}

/** Orders two stamps totally: negative when `a` is earlier, 0 only for the same stamp. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.wall !== b.wall) return a.wall - b.wall;
  if (a.count !== b.count) return a.count - b.count;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

/** History entries kept (one per round that saw something newer, or per edit stamped). */
export const CLOCK_HISTORY = 256;

/** A device's clock. Persist `history` between service-worker lives. */
export class HybridClock {
  private readonly known: Known[];

  constructor(
    readonly device: string,
    history: readonly Known[] = [],
  ) {
    this.known = [...history];
  }

  /** What to save. */
  get history(): Known[] {
    return [...this.known];
  }

  /** The latest stamp known at local time `at` (null: nothing). */
  private knownAt(at: number): Stamp | null {
    let lo = 0;
    let hi = this.known.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.known[mid]!.since <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : this.known[lo - 1]!.stamp;
  }

  private remember(since: number, stamp: Stamp): void {
    const last = this.known[this.known.length - 1];
    if (last && compareStamps(stamp, last.stamp) <= 0) return;
    this.known.push({ since: Math.max(since, last?.since ?? since), stamp });
    if (this.known.length > CLOCK_HISTORY) this.known.shift();
  }

  /**
   * A stamp for a local edit made at local wall time `at`: later than everything the device knew then, and later
   * than `floor` (this device's previous stamp on the same record), so two edits never share a stamp.
   */
  stampAt(at: number, floor: Stamp | null = null): Stamp {
    const known = this.knownAt(at);
    const wall = Math.max(Math.floor(at), known?.wall ?? 0);
    let stamp: Stamp = { wall, count: known && known.wall === wall ? known.count + 1 : 0, device: this.device };
    if (floor && compareStamps(stamp, floor) <= 0) stamp = { wall: floor.wall, count: floor.count + 1, device: this.device };
    this.remember(at, stamp);
    return stamp;
  }

  /** Takes note, at local wall time `now`, of a stamp seen from another device. */
  observe(stamp: Stamp, now: number): void {
    this.remember(now, stamp);
  }
}
