/**
 * What the translation popover shows, as plain data: the translate controller computes it, `TranslatePopover`
 * renders it. Words come first (offline, at once); the sentence translation has its own states below them.
 */
import type { PopoverPlacement } from './placement';
import type { SelectionWord } from '../../core/translate/selection-words';
import type { NotSetUpReason, SentenceOutcome } from '../shell/translation/sentences';

/** The dictionary part: loading, the words, or why they could not be looked up. */
export type WordsView = { state: 'loading' } | { state: 'ready'; words: SelectionWord[] } | { state: 'failed'; message: string };

/** The sentence part. */
export type SentenceView =
  | { state: 'loading'; provider: string }
  | { state: 'done'; text: string; provider: string }
  | {
      state: 'failed';
      provider: string;
      message: string;
      /** Trying again may help (not for a missing set-up, which Retry cannot fix). */
      retry: boolean;
      /** The fix is in the translation settings (key, permission, service). */
      settings: boolean;
    }
  /** No sentence service: none chosen, or the on-device one missing here. */
  | { state: 'not-set-up'; reason: NotSetUpReason }
  /** The on-device translator needs its language pack, downloaded from the reader's click. */
  | { state: 'download'; provider: string }
  | { state: 'downloading'; provider: string; progress: number };

/** How an action of the popover (Copy, Save) went: not yet, under way, done, or failed and why. */
export type ActionView = { state: 'idle' | 'busy' | 'done' } | { state: 'failed'; message: string };

/** The whole popover, and where it opens. */
export interface TranslateView extends PopoverPlacement {
  /** The selected text. */
  text: string;
  words: WordsView;
  sentence: SentenceView;
  /** Copy: `done` for a moment after it worked. */
  copy: ActionView;
  /** Saving the translation onto a highlight. */
  save: ActionView;
  /** The words of this popover added to the word list (or found there), and why the last could not be, if so. */
  wordList: { listed: readonly string[]; failed: string | null };
}

/** Failures whose fix is in the settings page. */
const SETTINGS_CODES = new Set(['translate-auth', 'translate-quota', 'translate-not-set-up', 'translate-no-permission']);
/** Failures Retry cannot fix. */
const NO_RETRY_CODES = new Set(['translate-not-set-up', 'translate-no-permission', 'invalid-request']);

/** The sentence part for a finished translation attempt. */
export function sentenceView(outcome: SentenceOutcome): SentenceView {
  switch (outcome.kind) {
    case 'done':
      return { state: 'done', text: outcome.texts[0] ?? '', provider: outcome.provider };
    case 'failed':
      return {
        state: 'failed',
        provider: outcome.provider,
        message: outcome.message,
        retry: !NO_RETRY_CODES.has(outcome.code),
        settings: SETTINGS_CODES.has(outcome.code),
      };
    case 'not-set-up':
      return { state: 'not-set-up', reason: outcome.reason };
    case 'download':
      return { state: 'download', provider: outcome.provider };
  }
}

/**
 * What Copy puts on the clipboard: the selection, its translation with the service's name when there is one, then
 * each word with its readings (`词 cí: word; expression`), one per line.
 */
export function copyText(view: TranslateView): string {
  const lines = [view.text];
  if (view.sentence.state === 'done') lines.push(`${view.sentence.text} (${view.sentence.provider})`);
  if (view.words.state === 'ready') {
    for (const word of view.words.words) {
      for (const entry of word.entries) lines.push(`${word.text} ${entry.pinyin}: ${entry.senses.join('; ')}`);
    }
  }
  return lines.join('\n');
}
