import { describe, expect, it } from 'vitest';
import { benchExport, EXPORT_BENCH_ANNOTATIONS } from '../../../scripts/bench/export';
import { EXPORT_FORMATS } from '../../../lib/core/model/exchange';

describe('export bench', () => {
  // How fast is for `npm run bench` to say (medians on a quiet machine); here only that it measures every format.
  it('exports its 10,000 annotations in every format and reports a median for each', { timeout: 60_000 }, async () => {
    const records = await benchExport();
    expect(records.map((r) => r.format)).toEqual([...EXPORT_FORMATS]);
    for (const record of records) {
      expect(record).toMatchObject({ bench: 'export', annotations: EXPORT_BENCH_ANNOTATIONS });
      expect(record.median_ms, record.format).toBeGreaterThan(0);
    }
  });
});
