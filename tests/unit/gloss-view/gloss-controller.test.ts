/**
 * The gloss switch with the real gloss handlers behind a fake messaging layer (fixture dictionary, fake IndexedDB)
 * and WXT's fake browser storage.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { CallBackground } from '../../../lib/annotator/annotator-controller';
import { createGlossController, type GlossController } from '../../../lib/gloss-view/gloss-controller';
import { WORD_ELEMENT } from '../../../lib/gloss-view/gloss-layer';
import { GLOSS_SETTINGS_KEY } from '../../../lib/gloss-view/gloss-settings';
import { createGlossHandlers } from '../../../lib/messaging/gloss-handlers';
import type { GlossSettings } from '../../../lib/model/gloss';
import type { Result } from '../../../lib/model/messages';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { createKnownWordsRepo } from '../../../storage/known-words-repo';
import { fixtureDictionary } from '../gloss/fixture-dictionary';
import { englishOf, isBare, pinyinOf } from './word-labels';

const ARTICLE = '<p>馬斯克研究生命。</p><p>北京人民很長。</p>';

let db: AnnotationDb;
let root: HTMLElement;
let gloss: GlossController;
let requests: string[];
let failing: Set<string>;
const articleChanged = vi.fn();
const showError = vi.fn();

/** The background's answers through the real gloss handlers; types in `failing` fail as an unreachable background. */
function fakeCall(): CallBackground {
  const handlers = createGlossHandlers({ dictionary: async () => fixtureDictionary, knownWords: createKnownWordsRepo(db) });
  return (async (type: keyof typeof handlers, payload: never): Promise<Result<unknown>> => {
    requests.push(type);
    if (failing.has(type)) return { ok: false, error: { code: 'no-receiver', message: 'The background is away.' } };
    return { ok: true, value: await handlers[type](payload, undefined) };
  }) as CallBackground;
}

const words = () => [...root.querySelectorAll(WORD_ELEMENT)];
const stored = async (): Promise<GlossSettings | undefined> =>
  (await fakeBrowser.storage.local.get(GLOSS_SETTINGS_KEY))[GLOSS_SETTINGS_KEY] as GlossSettings | undefined;
const pressAltG = (target: EventTarget = document.body, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyG', key: 'g', altKey: true, bubbles: true, ...init }));

beforeEach(() => {
  fakeBrowser.reset();
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  requests = [];
  failing = new Set();
  articleChanged.mockClear();
  showError.mockClear();
  document.body.innerHTML = `<h1>標題馬斯克</h1><div id="root">${ARTICLE}</div><input id="field">`;
  root = document.getElementById('root')!;
  gloss = createGlossController({
    doc: document,
    articleRoot: () => root,
    call: fakeCall(),
    articleChanged,
    showError,
    isOwnEvent: () => false,
  });
});

afterEach(async () => {
  gloss.destroy();
  await db.delete();
});

describe('the gloss switch', () => {
  it('Alt+G glosses the article (only the article), stores the choice, and Alt+G again puts the page back', async () => {
    const original = [...root.querySelectorAll('p')].map((p) => p.firstChild);
    pressAltG();
    await vi.waitFor(() => expect(words().length).toBeGreaterThan(5));
    expect(words().map((w) => w.textContent)).toContain('馬斯克');
    expect(document.querySelector('h1')!.querySelector(WORD_ELEMENT)).toBeNull();
    expect(document.getElementById('nea-gloss-styles')).not.toBeNull();
    expect(articleChanged).toHaveBeenCalled();
    expect(await stored()).toEqual({ on: true, pinyin: true, english: true });

    pressAltG();
    await vi.waitFor(async () => expect((await stored())?.on).toBe(false));
    expect(root.innerHTML).toBe(ARTICLE);
    expect([...root.querySelectorAll('p')].map((p) => p.firstChild)).toEqual(original);
    expect(document.getElementById('nea-gloss-styles')).toBeNull();
  });

  it('leaves Alt+G alone in a text field and with other modifiers', async () => {
    pressAltG(document.getElementById('field')!);
    pressAltG(document.body, { ctrlKey: true });
    pressAltG(document.body, { shiftKey: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(requests).toEqual([]);
    expect(words()).toHaveLength(0);
  });

  it('glosses at start when the reader left it on, and follows changes made in another tab', async () => {
    await fakeBrowser.storage.local.set({ [GLOSS_SETTINGS_KEY]: { on: true, pinyin: false, english: true } });
    await gloss.start();
    await vi.waitFor(() => expect(words().length).toBeGreaterThan(5));
    expect(document.getElementById('nea-gloss-styles')!.textContent).toContain('[data-py]::after { content: none; }');

    await fakeBrowser.storage.local.set({ [GLOSS_SETTINGS_KEY]: { on: false, pinyin: true, english: true } });
    await vi.waitFor(() => expect(words()).toHaveLength(0));
    expect(gloss.isOn()).toBe(false);
  });

  it('fetches the article’s glosses ahead of time for a reader who has used the gloss before, and only then', async () => {
    const idle: (() => void)[] = [];
    window.requestIdleCallback = ((task: () => void) => idle.push(task)) as unknown as typeof window.requestIdleCallback;
    await gloss.start();
    expect(idle).toHaveLength(0);
    await fakeBrowser.storage.local.set({ [GLOSS_SETTINGS_KEY]: { on: false, pinyin: true, english: true } });
    await gloss.start();
    idle.forEach((task) => task());
    await vi.waitFor(() => expect(requests).toEqual(['gloss/text']));
    await gloss.set({ on: true });
    expect(requests.filter((r) => r === 'gloss/text')).toHaveLength(1);
    expect(words().length).toBeGreaterThan(5);
  });

  it('answers the popup with the state after a change, and asks the background only once per text', async () => {
    expect(await gloss.set({})).toEqual({ settings: { on: false, pinyin: true, english: true }, error: null });
    expect(await gloss.set({ on: true, english: false })).toEqual({
      settings: { on: true, pinyin: true, english: false },
      error: null,
    });
    await gloss.set({ on: false });
    await gloss.set({ on: true });
    expect(requests.filter((r) => r === 'gloss/text')).toHaveLength(1);
  });

  it('says why when the gloss cannot be shown, turns itself off and offers to retry', async () => {
    failing.add('gloss/text');
    const state = await gloss.set({ on: true });
    expect(state).toEqual({ settings: { on: false, pinyin: true, english: true }, error: 'The background is away.' });
    expect(showError).toHaveBeenCalledWith('Could not show the gloss: The background is away.', expect.any(Function));
    expect(words()).toHaveLength(0);
    expect(document.getElementById('nea-gloss-styles')).toBeNull();

    failing.clear();
    showError.mock.calls[0][1]();
    await vi.waitFor(() => expect(words().length).toBeGreaterThan(5));
  });

  it('drops a gloss still loading when the reader turns it off again', async () => {
    const on = gloss.set({ on: true });
    await gloss.set({ on: false });
    await on;
    await new Promise((r) => setTimeout(r, 20));
    expect(words()).toHaveLength(0);
    expect(root.innerHTML).toBe(ARTICLE);
  });
});

describe('known words', () => {
  /** Selects the text of the article's words from `first` to `last`. */
  function select(first: string, last: string) {
    const all = words();
    const range = document.createRange();
    range.setStart(all.find((w) => w.textContent === first)!.firstChild!, 0);
    range.setEnd(all.find((w) => w.textContent === last)!.firstChild!, 1);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }
  const word = (text: string) => words().find((w) => w.textContent === text)!;

  beforeEach(async () => {
    await gloss.set({ on: true });
    await vi.waitFor(() => expect(words().length).toBeGreaterThan(5));
  });

  it('marks the selected words known, which leaves them bare everywhere, and glosses them again on request', async () => {
    expect(gloss.knownAction()).toBeNull();
    select('研究', '生命');
    expect(gloss.knownAction()).toBe('mark');
    await gloss.toggleKnownInSelection();
    expect((await createKnownWordsRepo(db).list()).sort()).toEqual(['生命', '研究']);
    for (const w of ['研究', '生命']) expect(isBare(word(w))).toBe(true);
    expect(pinyinOf(word('馬斯克'))).toBe('Mǎsīkè');
    expect(gloss.knownAction()).toBe('unmark');

    await gloss.toggleKnownInSelection();
    expect(await createKnownWordsRepo(db).list()).toEqual([]);
    expect(englishOf(word('研究'))).toBe('research');
  });

  it('leaves known words bare the next time the article is glossed', async () => {
    await createKnownWordsRepo(db).set(['人民'], true);
    await gloss.set({ on: false });
    await gloss.set({ on: true });
    await vi.waitFor(() => expect(words().length).toBeGreaterThan(5));
    expect(isBare(word('人民'))).toBe(true);
    expect(isBare(word('北京'))).toBe(false);
  });

  it('tells the reader when the known words cannot be saved', async () => {
    failing.add('known-words/set');
    select('研究', '研究');
    await gloss.toggleKnownInSelection();
    expect(showError).toHaveBeenCalledWith('Could not save your known words: The background is away.', null);
    expect(isBare(word('研究'))).toBe(false);
  });
});
