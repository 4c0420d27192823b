/**
 * Where the page gets its glosses: the background glosses passages in size-limited batches, and each passage's
 * tokens are remembered for the life of the page, so turning the gloss off and on again asks nothing.
 */
import type { CallBackground } from '../../extension/messaging/client';
import { MAX_GLOSS_CHARS, MAX_GLOSS_TEXTS, type GlossToken } from '../../core/model/gloss';
import type { MessageError } from '../../extension/messaging/messages';
import { chunkBySize } from './chunks';

/** Splits `texts` into request-sized batches (`MAX_GLOSS_TEXTS`, `MAX_GLOSS_CHARS`); longer texts are left out. */
export function batchTexts(texts: readonly string[]): string[][] {
  const fitting = texts.filter((text) => text.length <= MAX_GLOSS_CHARS);
  return chunkBySize(fitting, (text) => text.length, MAX_GLOSS_CHARS, MAX_GLOSS_TEXTS);
}

/** Passage tokens from the background, remembered per passage text. */
export class GlossSource {
  private readonly known = new Map<string, readonly GlossToken[]>();
  /** Requests on their way, per text they carry, so a text is never asked for twice at once. */
  private readonly pending = new Map<string, Promise<MessageError | null>>();

  constructor(private readonly call: CallBackground) {}

  /** The tokens of `text`, if `load` fetched them. */
  tokens(text: string): readonly GlossToken[] | undefined {
    return this.known.get(text);
  }

  /** Fetches the tokens of every text not fetched before; resolves to the first failure, or null. */
  async load(texts: Iterable<string>): Promise<MessageError | null> {
    const distinct = [...new Set(texts)];
    const missing = distinct.filter((text) => !this.known.has(text) && !this.pending.has(text));
    for (const batch of batchTexts(missing)) {
      const request = this.fetch(batch).finally(() => batch.forEach((text) => this.pending.delete(text)));
      batch.forEach((text) => this.pending.set(text, request));
    }
    const requests = new Set(distinct.flatMap((text) => this.pending.get(text) ?? []));
    const results = await Promise.all(requests);
    return results.find((error) => error !== null) ?? null;
  }

  private async fetch(batch: string[]): Promise<MessageError | null> {
    const result = await this.call('gloss/text', { texts: batch });
    if (!result.ok) return result.error;
    batch.forEach((text, i) => this.known.set(text, result.value[i] ?? []));
    return null;
  }
}
