/**
 * Timing helpers for the benchmark: warm up, then the median of repeated runs.
 */

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `work` once to warm up, then `runs` times; returns the median wall time (ms) and the last run's result. */
export function medianTime<T>(work: () => T, runs: number): { medianMs: number; result: T } {
  let result = work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = work();
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times), result };
}
