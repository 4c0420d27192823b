import { describe, expect, it } from 'vitest';
import { benchExport, EXPORT_BENCH_ANNOTATIONS } from '../../../scripts/bench/export';
import { EXPORT_FORMATS } from '../../../lib/core/model/exchange';

describe('export speed', () => {
  it('exports 10,000 annotations in at most 1 s in every format', { timeout: 60_000 }, async () => {
    const records = await benchExport();
    expect(records.map((r) => r.format)).toEqual([...EXPORT_FORMATS]);
    for (const record of records) {
      expect(record).toMatchObject({ bench: 'export', annotations: EXPORT_BENCH_ANNOTATIONS });
      expect(record.median_ms, record.format).toBeLessThanOrEqual(1000);
    }
  });
});
