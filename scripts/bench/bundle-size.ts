/**
 * Size of the built content scripts, raw and gzipped, as the browser downloads them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes and gzip bytes of the files in a built content-scripts folder, summed; null when the folder is missing. */
export function contentScriptSize(folder: string): { bytes: number; gzipBytes: number; jsBytes: number; files: string[] } | null {
  if (!existsSync(folder)) return null;
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
    .sort();
  let bytes = 0;
  let gzipBytes = 0;
  let jsBytes = 0;
  for (const name of files) {
    const content = readFileSync(join(folder, name));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
    if (name.endsWith('.js')) jsBytes += content.length;
  }
  return { bytes, gzipBytes, jsBytes, files };
}
