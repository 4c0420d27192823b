/**
 * Timing helpers for the benchmark: warm up, then the median of repeated runs.
 */

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** How many times to repeat a measured piece of work. */
export interface Repeats {
  /** At least this many timed runs. */
  minRuns: number;
  /** And more, while the timed runs add up to less than this (fast work gets more runs, so a steadier median). */
  minTotalMs: number;
  /** But never more than this many. */
  maxRuns: number;
}

/** Runs `work` once to warm up, then repeatedly: the median wall time (ms), the run count and the last result. */
export function medianTime<T>(work: () => T, repeats: Repeats): { medianMs: number; runs: number; result: T } {
  let result = work();
  const times: number[] = [];
  let total = 0;
  while (times.length < repeats.minRuns || (total < repeats.minTotalMs && times.length < repeats.maxRuns)) {
    const t0 = performance.now();
    result = work();
    const elapsed = performance.now() - t0;
    times.push(elapsed);
    total += elapsed;
  }
  return { medianMs: median(times), runs: times.length, result };
}

/**
 * Times several pieces of work in interleaved rounds (each warmed up once, then one run of each per round), so that
 * passing load on the machine falls on all of them alike; the median wall time (ms) of each, with its last result.
 */
export function interleavedMedians<T>(
  works: Record<string, () => T>,
  rounds: number,
): Record<string, { medianMs: number; runs: number; result: T }> {
  const names = Object.keys(works);
  const results = Object.fromEntries(names.map((name) => [name, works[name]()]));
  const times = Object.fromEntries(names.map((name): [string, number[]] => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const t0 = performance.now();
      results[name] = works[name]();
      times[name].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(names.map((name) => [name, { medianMs: median(times[name]), runs: rounds, result: results[name] }]));
}
