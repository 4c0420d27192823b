/**
 * The gloss switch with the real gloss and settings handlers behind a fake messaging layer (fixture dictionary, fake
 * IndexedDB).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { CallBackground } from '../../../lib/extension/messaging/client';
import { createGlossController, type GlossController } from '../../../lib/content/gloss/gloss-controller';
import { WORD_ELEMENT } from '../../../lib/content/gloss/gloss-layer';
import { glossMessages } from '../../../lib/background/gloss/gloss-messages';
import { wordListMessages } from '../../../lib/background/gloss/word-list-messages';
import { createWordListRepo } from '../../../storage/word-list-repo';
import { ARTICLE_ID } from '../messaging/fixtures';
import { settingsMessages } from '../../../lib/background/settings/settings-messages';
import type { RequestContext } from '../../../lib/background/messaging/request-context';
import { BoundedCache } from '../../../lib/core/gloss/word-index';
import { GLOSS_SETTING } from '../../../lib/core/model/settings';
import { feedBackend } from '../messaging/router-harness';
import type { GlossSettings } from '../../../lib/core/model/gloss';
import type { Result } from '../../../lib/extension/messaging/messages';
import { PARAGRAPH_TRANSLATION_TAG, type ParagraphDeps } from '../../../lib/content/shell/translation/paragraphs';
import type { TranslationPlan } from '../../../lib/core/translate/plan';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { createKnownWordsRepo } from '../../../storage/known-words-repo';
import { fixtureWords } from '../gloss/fixture-dictionary';
import { englishOf, isBare, pinyinOf } from './word-labels';
import { asReaders, documentSelection } from '../reader-events';

const ARTICLE = '<p>馬斯克研究生命。</p><p>北京人民很長。</p>';

let db: AnnotationDb;
let root: HTMLElement;
let gloss: GlossController;
let requests: string[];
let failing: Set<string>;
/** Holds back the `n`th answer to `type` until it resolves (answers are worked out before, as the background would). */
let hold: (type: string, n: number) => Promise<void> | void;
const articleChanged = vi.fn();
const showError = vi.fn();
const repaint = vi.fn();
const ARTICLE_URL = `https://www.163.com/dy/article/${ARTICLE_ID}.html`;

/** A promise (`released`) that stays pending until the test calls `release`: holds an answer back. */
function gate() {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  return { released, release };
}

/**
 * The background's answers through the real gloss handlers; types in `failing` fail as an unreachable background
 * (`type#n`: only its `n`th request), and `hold` can delay an answer's arrival.
 */
function fakeCall(): CallBackground {
  const gloss = {
    words: async () => fixtureWords,
    knownWords: createKnownWordsRepo(db),
    wordList: createWordListRepo(db),
    notifyKnownWordsChanged: async () => {},
  };
  const context = {
    tabId: 7,
    scope: { kind: 'content-script', tabId: 7, frameId: 0, articleId: ARTICLE_ID, claim: (id: string) => id === ARTICLE_ID },
    services: { gloss, feed: feedBackend(db) },
    glossTerms: new BoundedCache(),
  } as unknown as RequestContext;
  const declarations = [...glossMessages, ...wordListMessages, ...settingsMessages];
  return (async (type: string, payload: never): Promise<Result<unknown>> => {
    requests.push(type);
    const n = requests.filter((t) => t === type).length;
    const declaration = declarations.find((m) => m.name === type)!;
    // Like the router, a handler's failure is an answer, never a rejection (a save may land after the test's database is gone).
    const answer: Result<unknown> =
      failing.has(type) || failing.has(`${type}#${n}`)
        ? { ok: false, error: { code: 'no-receiver', message: 'The background is away.' } }
        : await Promise.resolve(declaration.handle(payload as never, context as never)).then(
            (value): Result<unknown> => ({ ok: true, value }),
            (err: unknown): Result<unknown> => ({ ok: false, error: { code: 'internal', message: String(err) } }),
          );
    await hold(type, n);
    return answer;
  }) as CallBackground;
}

const words = () => [...root.querySelectorAll(WORD_ELEMENT)];
const stored = async (): Promise<GlossSettings | null> => feedBackend(db).repository.settings.get(GLOSS_SETTING);
/** Stores gloss settings as another tab would (this tab is then told: `settingsChanged`). */
const storeElsewhere = (settings: GlossSettings) => feedBackend(db).repository.settings.set(GLOSS_SETTING, settings);
const pressAltG = (target: EventTarget = document.body, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(asReaders(new KeyboardEvent('keydown', { code: 'KeyG', key: 'g', altKey: true, bubbles: true, ...init })));

beforeEach(() => {
  fakeBrowser.reset();
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  requests = [];
  failing = new Set();
  hold = () => {};
  articleChanged.mockClear();
  showError.mockClear();
  repaint.mockClear();
  document.body.innerHTML = `<h1>標題馬斯克</h1><div id="root">${ARTICLE}</div><input id="field">`;
  root = document.getElementById('root')!;
  gloss = newController(null);
});

/** A controller over the page and the fake background, with (or, with null, without) sentence translation. */
const newController = (paragraphs: ParagraphDeps | null) =>
  createGlossController({
    doc: document,
    articleRoot: () => root,
    call: fakeCall(),
    articleChanged,
    showError,
    isOwnEvent: () => false,
    readerSelection: documentSelection,
    article: { id: ARTICLE_ID, url: ARTICLE_URL },
    repaint,
    ...(paragraphs ? { paragraphs } : {}),
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
    expect(await stored()).toEqual({ on: true, pinyin: true, english: true, mode: 'words' });

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
    await storeElsewhere({ on: true, pinyin: false, english: true, mode: 'words' });
    await gloss.start();
    await vi.waitFor(() => expect(words().length).toBeGreaterThan(5));
    expect(document.getElementById('nea-gloss-styles')!.textContent).toContain('[data-py]::after { content: none; }');

    await storeElsewhere({ on: false, pinyin: true, english: true, mode: 'words' });
    await gloss.settingsChanged();
    await vi.waitFor(() => expect(words()).toHaveLength(0));
    expect(gloss.isOn()).toBe(false);
  });

  it('fetches the article’s glosses ahead of time for a reader who has used the gloss before, and only then', async () => {
    const idle: (() => void)[] = [];
    window.requestIdleCallback = ((task: () => void) => idle.push(task)) as unknown as typeof window.requestIdleCallback;
    await gloss.start();
    expect(idle).toHaveLength(0);
    await storeElsewhere({ on: false, pinyin: true, english: true, mode: 'words' });
    await gloss.start();
    idle.forEach((task) => task());
    // Reading the stored settings aside (two starts), the only request is one prefetch of the article's glosses.
    await vi.waitFor(() => expect(requests.filter((r) => !r.startsWith('settings/'))).toEqual(['gloss/text']));
    await gloss.set({ on: true });
    expect(requests.filter((r) => r === 'gloss/text')).toHaveLength(1);
    expect(words().length).toBeGreaterThan(5);
  });

  it('keeps the reader’s Alt+G when it comes while the stored settings are still on their way', async () => {
    await storeElsewhere({ on: false, pinyin: true, english: true, mode: 'words' });
    const { released, release } = gate();
    hold = (type, n) => (type === 'settings/read' && n === 1 ? released : undefined);
    const starting = gloss.start();
    pressAltG();
    await vi.waitFor(() => expect(words().length).toBeGreaterThan(5));
    release();
    await starting;
    // The settings read before the press (gloss off) do not turn it off again.
    expect(gloss.isOn()).toBe(true);
    expect(words().length).toBeGreaterThan(5);
  });

  it('stores nothing for a patch that changes nothing (the popup reading the state)', async () => {
    await gloss.set({});
    await gloss.set({ on: false, mode: 'words' });
    expect(requests).not.toContain('settings/write');
    expect(await stored()).toBeNull();
    await gloss.set({ pinyin: false });
    expect(requests.filter((r) => r === 'settings/write')).toHaveLength(1);
  });

  it('answers the popup with the state after a change, and asks the background only once per text', async () => {
    expect(await gloss.set({})).toEqual({
      settings: { on: false, pinyin: true, english: true, mode: 'words' },
      error: null,
      fallback: null,
    });
    expect(await gloss.set({ on: true, english: false })).toEqual({
      settings: { on: true, pinyin: true, english: false, mode: 'words' },
      error: null,
      fallback: null,
    });
    await gloss.set({ on: false });
    await gloss.set({ on: true });
    expect(requests.filter((r) => r === 'gloss/text')).toHaveLength(1);
  });

  it('says why when the gloss cannot be shown, turns itself off and offers to retry', async () => {
    failing.add('gloss/text');
    const state = await gloss.set({ on: true });
    expect(state).toEqual({
      settings: { on: false, pinyin: true, english: true, mode: 'words' },
      error: 'The background is away.',
      fallback: null,
    });
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

  it('adds the selected glossed words to the word list with pinyin, gloss, sentence and article, once each', async () => {
    expect(gloss.wordListAction()).toBeNull();
    select('研究', '研究');
    expect(gloss.wordListAction()).toBe('add');
    await gloss.addSelectionToWordList();
    expect(await createWordListRepo(db).list()).toEqual([
      {
        word: '研究',
        pinyin: 'yánjiū',
        sense: 'research',
        sentence: '馬斯克研究生命。',
        articleId: ARTICLE_ID,
        url: ARTICLE_URL,
        addedAt: expect.any(Number),
      },
    ]);
    expect(gloss.wordListAction()).toBe('listed');
    expect(repaint).toHaveBeenCalled();

    select('研究', '生命');
    expect(gloss.wordListAction()).toBe('add');
    await gloss.addSelectionToWordList();
    expect((await createWordListRepo(db).list()).map((e) => e.word)).toEqual(['研究', '生命']);
    expect(requests.filter((type) => type === 'word-list/add')).toHaveLength(2);
    expect(showError).not.toHaveBeenCalled();
  });

  it('says so when a word cannot be added to the word list', async () => {
    failing.add('word-list/add');
    select('生命', '生命');
    await gloss.addSelectionToWordList();
    expect(showError).toHaveBeenCalledWith(expect.stringContaining('The background is away.'), null);
    expect(gloss.wordListAction()).toBe('add');
  });

  it('leaves known words bare the next time the article is glossed', async () => {
    await createKnownWordsRepo(db).set(['人民'], true);
    await gloss.set({ on: false });
    await gloss.set({ on: true });
    await vi.waitFor(() => expect(words().length).toBeGreaterThan(5));
    expect(isBare(word('人民'))).toBe(true);
    expect(isBare(word('北京'))).toBe(false);
  });

  it('follows known words changed elsewhere (another tab, an imported backup) without turning the gloss off', async () => {
    await createKnownWordsRepo(db).set(['北京'], true);
    await gloss.refreshKnown();
    expect(isBare(word('北京'))).toBe(true);
    await createKnownWordsRepo(db).set(['北京'], false);
    await gloss.refreshKnown();
    expect(isBare(word('北京'))).toBe(false);
    expect(pinyinOf(word('北京'))).toBe('Běijīng');
  });

  it('keeps this tab’s own change when an older answer about the known words arrives after it', async () => {
    const { released, release } = gate();
    hold = (type) => (type === 'known-words/list' ? released : undefined);
    const refreshing = gloss.refreshKnown();
    select('研究', '研究');
    await gloss.toggleKnownInSelection();
    expect(isBare(word('研究'))).toBe(true);
    release();
    await refreshing;
    expect(isBare(word('研究'))).toBe(true);
  });

  it('tells the reader when the known words cannot be saved', async () => {
    failing.add('known-words/set');
    select('研究', '研究');
    await gloss.toggleKnownInSelection();
    expect(showError).toHaveBeenCalledWith('Could not save your known words: The background is away.', null);
    expect(isBare(word('研究'))).toBe(false);
  });
});

describe('paragraph mode', () => {
  const remotePlan: Result<TranslationPlan> = { ok: true, value: { kind: 'remote', provider: 'DeepL', source: 'zh-Hans' } };
  let paragraphDeps: ParagraphDeps & { plan: ReturnType<typeof vi.fn<ParagraphDeps['plan']>> };

  const translations = () =>
    [...root.querySelectorAll(PARAGRAPH_TRANSLATION_TAG)].map((el) => el.shadowRoot?.querySelector('p')?.textContent);

  /** Makes the sentence service answer only once `released` resolves. */
  function holdRemoteUntil(released: Promise<void>) {
    const remote = paragraphDeps.remote;
    paragraphDeps.remote = vi.fn(async (texts: string[], source: Parameters<typeof remote>[1]) => {
      await released;
      return remote(texts, source);
    });
  }

  /** Replaces the controller with one that has (or, with null, lacks) sentence translation. */
  function withParagraphs(deps: ParagraphDeps | null) {
    gloss.destroy();
    gloss = newController(deps);
  }

  beforeEach(() => {
    paragraphDeps = {
      plan: vi.fn(async () => remotePlan),
      remote: vi.fn(async (texts: string[]) => ({
        ok: true as const,
        value: { texts: texts.map((text) => `EN ${text}`), provider: 'DeepL' },
      })),
      onDevice: { state: async () => 'absent', translate: async () => [] },
    };
  });

  it('stores the mode, shows the translation under each paragraph instead of word glosses, and off removes them', async () => {
    withParagraphs(paragraphDeps);
    expect(await gloss.set({ mode: 'paragraphs', on: true })).toEqual({
      settings: { on: true, pinyin: true, english: true, mode: 'paragraphs' },
      error: null,
      fallback: null,
    });
    expect(translations()).toEqual(['EN 馬斯克研究生命。', 'EN 北京人民很長。']);
    expect(words()).toHaveLength(0);
    expect(requests).not.toContain('gloss/text');
    expect(await stored()).toEqual({ on: true, pinyin: true, english: true, mode: 'paragraphs' });
    expect(showError).not.toHaveBeenCalled();

    await gloss.set({ on: false });
    expect(translations()).toEqual([]);
    expect(root.innerHTML).toBe(ARTICLE);
  });

  it('does not double the translations when the page changes, and translates the new paragraph', async () => {
    withParagraphs(paragraphDeps);
    await gloss.set({ mode: 'paragraphs', on: true });
    root.insertAdjacentHTML('beforeend', '<p>研究人民。</p>');
    await vi.waitFor(() => expect(translations()).toEqual(['EN 馬斯克研究生命。', 'EN 北京人民很長。', 'EN 研究人民。']));
    await new Promise((r) => setTimeout(r, 50));
    expect(translations()).toHaveLength(3);
  });

  it('follows the article when the page replaces its body element, translating what is added to the new one', async () => {
    withParagraphs(paragraphDeps);
    await gloss.set({ mode: 'paragraphs', on: true });
    const next = root.cloneNode(true) as HTMLElement;
    root.replaceWith(next);
    root = next;
    // The copies of our elements carry no translation: they are replaced.
    await vi.waitFor(() => expect(translations()).toEqual(['EN 馬斯克研究生命。', 'EN 北京人民很長。']));
    root.insertAdjacentHTML('beforeend', '<p>研究人民。</p>');
    await vi.waitFor(() => expect(translations()).toEqual(['EN 馬斯克研究生命。', 'EN 北京人民很長。', 'EN 研究人民。']));
  });

  it('leaves nothing behind when the gloss is turned off while a change is being translated', async () => {
    withParagraphs(paragraphDeps);
    await gloss.set({ mode: 'paragraphs', on: true });
    const { released, release } = gate();
    holdRemoteUntil(released);
    root.insertAdjacentHTML('beforeend', '<p>研究人民。</p>');
    await vi.waitFor(() => expect(paragraphDeps.remote).toHaveBeenCalledWith(['研究人民。'], 'zh-Hans'));
    await gloss.set({ on: false });
    release();
    await new Promise((r) => setTimeout(r));
    expect(translations()).toEqual([]);
    expect(root.innerHTML).toBe(`${ARTICLE}<p>研究人民。</p>`);
  });

  it('leaves nothing behind when the annotator goes away (extension updated) while the translations are on their way', async () => {
    withParagraphs(paragraphDeps);
    const { released, release } = gate();
    holdRemoteUntil(released);
    const turningOn = gloss.set({ mode: 'paragraphs', on: true });
    await vi.waitFor(() => expect(paragraphDeps.remote).toHaveBeenCalled());
    gloss.destroy();
    release();
    await turningOn;
    expect(translations()).toEqual([]);
    expect(root.innerHTML).toBe(ARTICLE);
  });

  it('switches between paragraphs and word glosses while on, leaving only the chosen one', async () => {
    withParagraphs(paragraphDeps);
    await gloss.set({ mode: 'paragraphs', on: true });
    await gloss.set({ mode: 'words' });
    await vi.waitFor(() => expect(words().length).toBeGreaterThan(5));
    expect(translations()).toEqual([]);

    await gloss.set({ mode: 'paragraphs' });
    expect(words()).toHaveLength(0);
    expect(translations()).toHaveLength(2);
  });

  it('falls back to word glosses and says so when no sentence translator is available', async () => {
    withParagraphs(null);
    const reason = 'Paragraph translation needs a sentence translation service: set one up in the translation settings.';
    const state = await gloss.set({ mode: 'paragraphs', on: true });
    expect(state.settings).toMatchObject({ on: true, mode: 'paragraphs' });
    await vi.waitFor(() => expect(words().length).toBeGreaterThan(5));
    expect(translations()).toEqual([]);
    expect(showError).toHaveBeenCalledWith(`Showing word glosses instead of paragraph translations: ${reason}`, null);
    // The popup is told the same reason, with the gloss still on.
    expect(state).toMatchObject({ error: null, fallback: reason });
    expect((await gloss.set({})).fallback).toBe(reason);
  });

  it('no longer reports the fallback once the gloss is off or shows word glosses by choice', async () => {
    withParagraphs(null);
    expect((await gloss.set({ mode: 'paragraphs', on: true })).fallback).not.toBeNull();
    expect(await gloss.set({ on: false })).toMatchObject({ error: null, fallback: null });
    expect((await gloss.set({ on: true })).fallback).not.toBeNull();
    expect(await gloss.set({ mode: 'words' })).toMatchObject({ settings: { on: true, mode: 'words' }, fallback: null });
  });

  it('falls back to word glosses when the translation plan says no service is set up', async () => {
    paragraphDeps.plan.mockResolvedValue({ ok: true, value: { kind: 'off' } } as Result<TranslationPlan>);
    withParagraphs(paragraphDeps);
    const state = await gloss.set({ mode: 'paragraphs', on: true });
    await vi.waitFor(() => expect(words().length).toBeGreaterThan(5));
    expect(translations()).toEqual([]);
    expect(showError).toHaveBeenCalledWith(expect.stringContaining('Showing word glosses instead'), null);
    expect(state.fallback).toMatch(/needs a sentence translation service/);

    // Once a service is set up, turning the gloss on again shows the translations and no fallback.
    paragraphDeps.plan.mockResolvedValue(remotePlan);
    await gloss.set({ on: false });
    expect(await gloss.set({ on: true })).toMatchObject({ error: null, fallback: null });
    expect(translations()).toHaveLength(2);
    expect(words()).toHaveLength(0);
  });

  it('reports the service’s own failure as the reason for the fallback', async () => {
    paragraphDeps.remote = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'translate-rate-limit' as const, message: 'DeepL is getting too many requests.' },
    }));
    withParagraphs(paragraphDeps);
    const state = await gloss.set({ mode: 'paragraphs', on: true });
    expect(state.fallback).toBe('DeepL is getting too many requests.');
    expect(showError).toHaveBeenCalledWith(
      'Showing word glosses instead of paragraph translations: DeepL is getting too many requests.',
      null,
    );
  });
});

describe('the rest of the article', () => {
  it('says nothing about a failure to load it once the reader has turned the gloss off', async () => {
    // The second paragraph is far below the screen: it is asked for after the first screenful is glossed.
    const far = root.querySelectorAll('p')[1];
    far.getBoundingClientRect = () =>
      ({ top: 5000, bottom: 5030, left: 0, right: 100, width: 100, height: 30, x: 0, y: 5000 }) as DOMRect;
    const { released, release } = gate();
    hold = (type, n) => (type === 'gloss/text' && n === 2 ? released : undefined);
    failing.add('gloss/text#2');
    await gloss.set({ on: true });
    await vi.waitFor(() => expect(requests.filter((t) => t === 'gloss/text')).toHaveLength(2));
    await gloss.set({ on: false });
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(showError).not.toHaveBeenCalled();
    expect(root.innerHTML).toBe(ARTICLE);
  });
});
