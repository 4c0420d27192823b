/** The translation messages through the background router: who may send them, what is validated, what comes back. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  createBackgroundRouter,
  type BackgroundRouter,
  type SenderInfo,
} from '../../../lib/background/messaging/background-router';
import { MAX_TRANSLATION_LENGTH } from '../../../lib/core/model/annotation';
import { MAX_SELECTION_CHARS, MAX_TRANSLATE_TEXTS } from '../../../lib/core/translate/limits';
import { createAnnotationRepo } from '../../../storage/annotation-repo';
import { feedBackend } from '../messaging/router-harness';
import { createKnownWordsRepo } from '../../../storage/known-words-repo';
import { createWordListRepo } from '../../../storage/word-list-repo';
import { createTranslationSettingsStore } from '../../../storage/translation-settings-store';
import { fakeTranslation } from '../../../scripts/fake-translation-servers';
import { ARTICLE_ID, articleMeta, newAnnotation } from '../messaging/fixtures';
import { fixtureWords } from '../gloss/fixture-dictionary';
import { DEEPL_SETTINGS, serviceWith } from './service-fixtures';
import { typedCall } from '../messaging/router-harness';
import { syncUnused } from '../messaging/router-harness';

const contentScript = (): SenderInfo => ({
  id: fakeBrowser.runtime.id,
  url: `https://www.163.com/dy/article/${ARTICLE_ID}.html`,
  tab: { id: 3 },
});
const optionsPage = (): SenderInfo => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

let made: ReturnType<typeof serviceWith>;
let route: BackgroundRouter;
const openOptions = vi.fn(async () => {});

beforeEach(() => {
  fakeBrowser.reset();
  made = serviceWith(DEEPL_SETTINGS);
  const { db, service } = made;
  route = createBackgroundRouter({
    runContentScript: async () => {},
    sync: syncUnused,
    repo: createAnnotationRepo(db),
    notifyChanged: async () => {},
    gloss: {
      words: async () => fixtureWords,
      knownWords: createKnownWordsRepo(db),
      wordList: createWordListRepo(db),
      notifyKnownWordsChanged: async () => {},
    },
    translation: { service, openOptions, settings: createTranslationSettingsStore(db, fakeBrowser.storage.local) },
    feed: feedBackend(db),
  });
});
afterEach(() => made.db.delete());

/** Sends a typed request through the router, from the content script unless told otherwise. */
const call = typedCall(() => route, contentScript);

describe('from the content script', () => {
  it('plans, looks words up and translates, naming the service and never its key', async () => {
    const plan = await call('translate/plan', { sample: '以後很長' });
    expect(plan).toEqual({ ok: true, value: { kind: 'remote', provider: 'DeepL', source: 'zh-Hant' } });
    const words = await call('translate/words', { text: '研究生命' });
    expect(words.ok && words.value.map((w) => w.text)).toEqual(['研究', '生命']);
    const translated = await call('translate/text', { texts: ['研究生命'], source: 'zh-Hans' });
    expect(translated).toEqual({ ok: true, value: { texts: [fakeTranslation('研究生命')], provider: 'DeepL' } });
    for (const answer of [plan, words, translated]) expect(JSON.stringify(answer)).not.toContain('secret-key');
  });

  it('answers a service failure with a translate- code and the reader message', async () => {
    made.http.status = 429;
    expect(await call('translate/text', { texts: ['你好'], source: 'zh-Hans' })).toEqual({
      ok: false,
      error: { code: 'translate-rate-limit', message: 'DeepL is getting too many requests. Wait a moment, then try again.' },
    });
  });

  it('opens the options page for the popover', async () => {
    expect(await call('translate/open-options', {})).toEqual({ ok: true, value: undefined });
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it.each([
    ['translate/test', {}],
    ['translate/clear-cache', {}],
  ] as const)('may not send %s (only the options page may)', async (type, payload) => {
    expect(await call(type, payload)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(made.fetchMock).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['no texts', { texts: [], source: 'zh-Hans' }],
    ['an empty text', { texts: [''], source: 'zh-Hans' }],
    ['too many texts', { texts: Array.from({ length: MAX_TRANSLATE_TEXTS + 1 }, () => '字'), source: 'zh-Hans' }],
    ['an unknown script', { texts: ['你好'], source: 'ja' }],
    ['an extra field', { texts: ['你好'], source: 'zh-Hans', key: 'x' }],
  ])('refuses translate/text with %s', async (_, payload) => {
    expect(await route({ type: 'translate/text', payload }, contentScript())).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(made.fetchMock).not.toHaveBeenCalled();
  });

  it('refuses a selection longer than the popover takes', async () => {
    const payload = { text: '字'.repeat(MAX_SELECTION_CHARS + 1) };
    expect(await route({ type: 'translate/words', payload }, contentScript())).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});

describe('from the options page', () => {
  it('tests the saved service and clears the cache', async () => {
    expect(await call('translate/test', {}, optionsPage())).toMatchObject({ ok: true, value: { provider: 'DeepL' } });
    await call('translate/text', { texts: ['你好'], source: 'zh-Hans' });
    expect(await call('translate/clear-cache', {}, optionsPage())).toEqual({ ok: true, value: 1 });
  });

  it('reads and saves the set-up, keys included, which a content script can do neither of', async () => {
    expect(await call('translate/settings', {}, optionsPage())).toMatchObject({ ok: true, value: { provider: 'on-device' } });
    const saved = await call(
      'translate/save-settings',
      { settings: { ...DEEPL_SETTINGS, deepl: { key: ' secret-key:fx ' } } },
      optionsPage(),
    );
    expect(saved).toEqual({ ok: true, value: DEEPL_SETTINGS });
    expect(await call('translate/settings', {}, optionsPage())).toEqual({ ok: true, value: DEEPL_SETTINGS });
    for (const refused of [
      await call('translate/settings', {}),
      await call('translate/save-settings', { settings: DEEPL_SETTINGS }),
    ]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(JSON.stringify(refused)).not.toContain('secret-key');
    }
  });

  it.each<[string, unknown]>([
    ['an unknown service', { ...DEEPL_SETTINGS, provider: 'bing' }],
    ['a huge key', { ...DEEPL_SETTINGS, google: { key: 'k'.repeat(201) } }],
    ['an extra field', { ...DEEPL_SETTINGS, extra: true }],
    ['a missing part', { provider: 'deepl', deepl: { key: 'k' } }],
  ])('refuses to save settings with %s, keeping what was saved', async (_, settings) => {
    const answer = await route({ type: 'translate/save-settings', payload: { settings } }, optionsPage());
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('translate/settings', {}, optionsPage())).toMatchObject({ ok: true, value: { provider: 'on-device' } });
  });
});

describe('saving a translation on a highlight', () => {
  const translation = { text: 'It is quite unusual.', provider: 'DeepL' };

  it('creates a highlight with its translation, and an update can change or remove it', async () => {
    const created = await call('annotations/create', { article: articleMeta(), annotation: { ...newAnnotation(), translation } });
    expect(created).toMatchObject({ ok: true, value: { translation } });
    if (!created.ok) return;
    const changed = await call('annotations/update', {
      id: created.value.id,
      patch: { translation: { ...translation, text: 'Odd.' } },
    });
    expect(changed).toMatchObject({ ok: true, value: { translation: { text: 'Odd.', provider: 'DeepL' } } });
    const removed = await call('annotations/update', { id: created.value.id, patch: { translation: null } });
    expect(removed).toMatchObject({ ok: true, value: { translation: null } });
    const listed = await call('annotations/list', { articleId: ARTICLE_ID });
    expect(listed.ok && listed.value[0].translation).toBeNull();
  });

  it('stores no translation field when none is given', async () => {
    const created = await call('annotations/create', { article: articleMeta(), annotation: newAnnotation() });
    expect(created.ok && 'translation' in created.value).toBe(false);
  });

  it.each<[string, unknown]>([
    ['an empty text', { text: '', provider: 'DeepL' }],
    ['a too long text', { text: 'x'.repeat(MAX_TRANSLATION_LENGTH + 1), provider: 'DeepL' }],
    ['no provider', { text: 'Hi' }],
    ['an extra field', { text: 'Hi', provider: 'DeepL', key: 'secret' }],
  ])('refuses a translation with %s', async (_, bad) => {
    const answer = await route(
      { type: 'annotations/create', payload: { article: articleMeta(), annotation: { ...newAnnotation(), translation: bad } } },
      contentScript(),
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('annotation.translation') },
    });
  });
});
