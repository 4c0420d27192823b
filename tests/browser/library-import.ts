/**
 * Driving the library's Import… as a reader does: choosing a file, and reading the report it shows.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Imports `content` as the file `name` from the library's Import button; resolves when the report shows. */
export async function importFile(library: Page, name: string, content: string): Promise<Locator> {
  await library.getByLabel('Import…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  const report = library.getByRole('dialog', { name: 'Import finished' });
  await expect.poll(() => report.count(), { timeout: 30_000 }).toBe(1);
  return report;
}

/** The number the import report shows under `label`. */
export const reportCount = (library: Page, report: Locator, label: string) =>
  report
    .locator('div', { has: library.getByText(label, { exact: true }) })
    .locator('dd')
    .textContent();
