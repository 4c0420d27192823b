/**
 * English glosses from dictionary entries: a short one for the interlinear line under a word, and every reading with
 * all its senses for the popover. `variant of …` and `see …` references are followed to the meaning of their target.
 */
import type { Dictionary, DictionaryEntry } from './dictionary';
import { isProperName, toMarkedPinyin } from './pinyin';
import { parseReference, type Reference } from './references';
import { chooseSense, type SenseHints } from './sense-choice';

/** A word's reading and a few words of English, for the line under it. */
export interface ShortGloss {
  /** Tone-marked pinyin (`le`, `Mǎsīkè`). */
  pinyin: string;
  gloss: string;
}

/** One reading of a word for the popover. */
export interface GlossEntry {
  traditional: string;
  simplified: string;
  /** Tone-marked pinyin. */
  pinyin: string;
  /** A proper name (person, place, brand), listed after common words. */
  properName: boolean;
  /** Senses for display: inline pinyin tone-marked, references followed by their target's meaning. */
  senses: string[];
}

/** References are followed at most this deep (CC-CEDICT has chains such as old variant → variant → word). */
const MAX_REFERENCE_DEPTH = 3;

/** Senses that say how a word is used or written rather than what it means. */
const AUXILIARY_SENSE_RE = /^(?:CL:|also pr\.|Taiwan pr\.|also written|also spelled)/;

/** Leading labels such as `(bound form)`, `(literary)`, `(Tw)`. */
const LEADING_LABELS_RE = /^(?:\([^)]*\)\s*)+/;

/** `為|为[wei4]` → `為|为[wèi]`: numbered pinyin inside a sense, tone-marked. */
function markInlinePinyin(sense: string): string {
  return sense.replace(/\[([^\]]+)\]/g, (_, numbered: string) => `[${toMarkedPinyin(numbered)}]`);
}

/** The entry a reference points at: the target headword with the named reading if there is one, else its best. */
function resolve(reference: Reference, dict: Dictionary): DictionaryEntry | undefined {
  const candidates = dict.lookup(reference.traditional);
  return candidates.find((c) => c.pinyin === reference.pinyin) ?? candidates[0];
}

/** The entry's senses that carry meaning (all of them if none does, so an entry never glosses as nothing). */
function meaningfulSenses(entry: DictionaryEntry): readonly string[] {
  const senses = entry.senses.filter((s) => !AUXILIARY_SENSE_RE.test(s));
  return senses.length > 0 ? senses : entry.senses;
}

/** The first meaningful sense of `entry`, or of the entry it refers to when that sense is a reference. */
function firstMeaning(entry: DictionaryEntry, dict: Dictionary, depth: number): string {
  const [first = ''] = meaningfulSenses(entry);
  const reference = parseReference(first);
  const target = reference && depth < MAX_REFERENCE_DEPTH ? resolve(reference, dict) : undefined;
  return target ? firstMeaning(target, dict, depth + 1) : first;
}

/** Short glosses already worked out, per entry object (the dictionary reuses entry objects while it caches them). */
const shortGlosses = new WeakMap<DictionaryEntry, ShortGloss>();

/**
 * The line under a word: its pinyin and the sense `chooseSense` picks with `hints` (without hints, in effect the
 * first), stripped of leading labels (`(bound form) to walk` → `to walk`) unless the label is all there is
 * (`(completed action marker)`); an entry that only refers elsewhere gets its target's first meaning.
 */
export function shortGloss(entry: DictionaryEntry, dict: Dictionary, hints?: SenseHints): ShortGloss {
  let gloss = shortGlosses.get(entry);
  if (!gloss) {
    const meaning = chooseSense(meaningfulSenses(entry), hints) ?? firstMeaning(entry, dict, 0).split('; ')[0];
    const unlabelled = meaning.replace(LEADING_LABELS_RE, '');
    gloss = { pinyin: toMarkedPinyin(entry.pinyin), gloss: markInlinePinyin(unlabelled || meaning) };
    shortGlosses.set(entry, gloss);
  }
  return gloss;
}

/** A sense for display; a reference gets its target's meanings appended (`variant of 為|为[wèi]: because of; for`). */
function displaySense(sense: string, dict: Dictionary): string {
  const reference = parseReference(sense);
  const target = reference && resolve(reference, dict);
  const shown = markInlinePinyin(sense);
  if (!target) return shown;
  const meanings = meaningfulSenses(target).filter((s) => !parseReference(s));
  return meanings.length > 0 ? `${shown}: ${meanings.map(markInlinePinyin).join('; ')}` : shown;
}

/** Every reading of `word` for the popover, best first (common words before proper names); empty if unknown. */
export function fullGloss(word: string, dict: Dictionary): GlossEntry[] {
  return dict.lookup(word).map((entry) => ({
    traditional: entry.traditional,
    simplified: entry.simplified,
    pinyin: toMarkedPinyin(entry.pinyin),
    properName: isProperName(entry.pinyin),
    senses: entry.senses.map((sense) => displaySense(sense, dict)),
  }));
}
