/**
 * Reads CC-CEDICT's text format: `#` comment lines (the header with the licence and `#! key=value` metadata), then
 * one entry per line, `Traditional Simplified [pin1 yin1] /sense 1/sense 2/`.
 */
import type { DictionaryEntry } from '../../lib/core/gloss/dictionary';

/** A parsed CC-CEDICT file. */
export interface Cedict {
  /** The comment lines at the top, `# ` removed: the publisher's notice and licence. */
  header: string[];
  /** `#! key=value` metadata: `entries`, `date`, `license`, … */
  metadata: Record<string, string>;
  /** Entries in file order. */
  entries: DictionaryEntry[];
}

const ENTRY_RE = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/$/;

/** Parses CC-CEDICT text; throws on a line that is neither a comment nor an entry, so format drift is noticed. */
export function parseCedict(text: string): Cedict {
  const header: string[] = [];
  const metadata: Record<string, string> = {};
  const entries: DictionaryEntry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.startsWith('#!')) {
      const [key, ...value] = line.slice(2).trim().split('=');
      metadata[key] = value.join('=');
    } else if (line.startsWith('#')) {
      header.push(line.replace(/^# ?/, ''));
    } else if (line.trim()) {
      const match = ENTRY_RE.exec(line);
      if (!match) throw new Error(`CC-CEDICT line ${index + 1} is not an entry: ${line}`);
      const [, traditional, simplified, pinyin, senses] = match;
      entries.push({ traditional, simplified, pinyin, senses: senses.split('/') });
    }
  });
  return { header, metadata, entries };
}
