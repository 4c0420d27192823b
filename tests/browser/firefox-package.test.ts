/**
 * The Firefox package: `wxt zip -b firefox` builds it, and Mozilla's linter (`web-ext lint`, offline) finds no errors.
 */
import { describe, expect, it } from 'vitest';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface LintReport {
  summary: { errors: number; warnings: number };
  errors: { code: string; message: string; file?: string }[];
}

describe('Firefox package', () => {
  it('builds and passes web-ext lint with no errors', () => {
    execSync('npx wxt zip -b firefox', { stdio: 'pipe' });
    const out = execSync('npx web-ext lint --source-dir .output/firefox-mv2 --output json', {
      encoding: 'utf8',
    });
    const report = JSON.parse(out.slice(out.indexOf('{'))) as LintReport;
    expect(report.errors).toEqual([]);
    const manifest = JSON.parse(readFileSync('.output/firefox-mv2/manifest.json', 'utf8'));
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    // Nothing is collected to use it; the opt-in translation services receive text from the pages read.
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({
      required: ['none'],
      optional: ['websiteContent'],
    });
  }, 120_000);
});
