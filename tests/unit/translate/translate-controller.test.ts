import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallBackground } from '../../../lib/extension/messaging/client';
import type { BackgroundRequests, BackgroundType, Result } from '../../../lib/extension/messaging/messages';
import type { OnDeviceState, OnDeviceTranslator } from '../../../lib/content/shell/translation/on-device';
import type { TranslationPlan } from '../../../lib/core/translate/plan';
import { MAX_SELECTION_CHARS } from '../../../lib/core/translate/limits';
import { createTranslateController } from '../../../lib/content/translate/translate-controller';
import type { ArticleSelection } from '../../../lib/content/shell/article-selection';
import { copyText } from '../../../lib/content/translate/popover-state';
import type { SelectionWord } from '../../../lib/core/translate/selection-words';
import { fakeTranslation } from '../../../scripts/fake-translation-servers';
import { ARTICLE_ID, newAnnotation } from '../messaging/fixtures';

const ARTICLE_URL = `https://www.163.com/dy/article/${ARTICLE_ID}.html`;

/** A stand-in answer per message type. */
type Answers = {
  [K in BackgroundType]?: (payload: BackgroundRequests[K]['request']) => Promise<Result<BackgroundRequests[K]['response']>>;
};

const ENTRY = { traditional: '反常', simplified: '反常', pinyin: 'fǎncháng', properName: false, senses: ['unusual', 'abnormal'] };
const WORDS = [{ text: '反常', entries: [ENTRY] }];
const remotePlan: TranslationPlan = { kind: 'remote', provider: 'DeepL', source: 'zh-Hant' };

let answers: Answers;
let selection: ArticleSelection | null;
let onDeviceState: OnDeviceState;
let controller: ReturnType<typeof createTranslateController>;
let deps: Parameters<typeof createTranslateController>[0];

const selectionOf = (text: string): ArticleSelection => ({
  text,
  range: document.createRange(),
  target: newAnnotation().target,
  box: { left: 10, top: 20, right: 110, bottom: 40 },
  top: 20,
});

beforeEach(() => {
  selection = selectionOf('挺反常的');
  onDeviceState = 'absent';
  answers = {
    'translate/words': async () => ({ ok: true, value: WORDS }),
    'translate/plan': async () => ({ ok: true, value: remotePlan }),
    'translate/text': async ({ texts }) => ({ ok: true, value: { texts: texts.map(fakeTranslation), provider: 'DeepL' } }),
    'translate/open-options': async () => ({ ok: true, value: undefined }),
  };
  const call = vi.fn((type: BackgroundType, payload: unknown) =>
    (answers[type] as (p: unknown) => Promise<Result<unknown>>)(payload),
  );
  const onDevice: OnDeviceTranslator = {
    state: async () => onDeviceState,
    translate: vi.fn(async (texts: readonly string[]) => texts.map((t) => `on-device ${t}`)),
  };
  deps = {
    doc: document,
    call: call as unknown as CallBackground,
    onDevice,
    selection: () => selection,
    attach: vi.fn(async () => ({ ok: true, value: {} }) as Result<unknown>),
    writeClipboard: vi.fn(async () => {}),
    onOpen: vi.fn(),
    onChange: vi.fn(),
    isOwnEvent: (event) => (event.target as Element | null)?.id === 'own',
    article: { id: ARTICLE_ID, url: ARTICLE_URL },
  };
  controller = createTranslateController(deps);
});
afterEach(() => {
  controller.destroy();
  vi.useRealTimers();
});

/** Waits until the view satisfies `check`. */
const settled = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true));
const view = () => controller.view()!;

describe('opening', () => {
  it('shows the words and the sentence translation under the selection', async () => {
    controller.actions.open();
    expect(deps.onOpen).toHaveBeenCalledOnce();
    expect(view()).toMatchObject({
      at: { x: 10, y: 48 },
      text: '挺反常的',
      words: { state: 'loading' },
      sentence: { state: 'loading' },
    });
    await settled(() => view().sentence.state === 'done');
    expect(view()).toMatchObject({
      words: { state: 'ready', words: WORDS },
      sentence: { state: 'done', text: fakeTranslation('挺反常的'), provider: 'DeepL' },
      save: { state: 'idle' },
    });
    expect(deps.call).toHaveBeenCalledWith('translate/text', { texts: ['挺反常的'], source: 'zh-Hant' });
    expect(deps.onChange).toHaveBeenCalled();
  });

  it('does nothing without a selection', () => {
    selection = null;
    controller.actions.open();
    expect(controller.view()).toBeNull();
    expect(deps.call).not.toHaveBeenCalled();
  });

  it('says a too long selection is too long, asking nothing', () => {
    selection = selectionOf('字'.repeat(MAX_SELECTION_CHARS + 1));
    controller.actions.open();
    expect(view().sentence).toMatchObject({
      state: 'failed',
      retry: false,
      message: expect.stringContaining(String(MAX_SELECTION_CHARS)),
    });
    expect(deps.call).not.toHaveBeenCalled();
  });

  it('drops late answers about an earlier selection', async () => {
    let release!: () => void;
    answers['translate/text'] = ({ texts }) =>
      new Promise(
        (resolve) => (release = () => resolve({ ok: true, value: { texts: texts.map(fakeTranslation), provider: 'DeepL' } })),
      );
    controller.actions.open();
    await vi.waitFor(() => expect(release).toBeDefined());
    const first = release;
    answers['translate/text'] = async ({ texts }) => ({
      ok: true,
      value: { texts: texts.map((t) => `second ${t}`), provider: 'DeepL' },
    });
    selection = selectionOf('人民');
    controller.actions.open();
    await settled(() => view().sentence.state === 'done');
    first();
    await new Promise((r) => setTimeout(r, 0));
    expect(view()).toMatchObject({ text: '人民', sentence: { text: 'second 人民' } });
  });
});

describe('sentence states', () => {
  it('a failure offers Retry, which asks again with a fresh plan', async () => {
    answers['translate/text'] = async () => ({
      ok: false,
      error: { code: 'translate-server', message: 'DeepL had a problem on its side.' },
    });
    controller.actions.open();
    await settled(() => view().sentence.state === 'failed');
    expect(view().sentence).toEqual({
      state: 'failed',
      provider: 'DeepL',
      message: 'DeepL had a problem on its side.',
      retry: true,
      settings: false,
    });
    answers['translate/text'] = async ({ texts }) => ({
      ok: true,
      value: { texts: texts.map(fakeTranslation), provider: 'DeepL' },
    });
    controller.actions.retry();
    await settled(() => view().sentence.state === 'done');
    expect(deps.call).toHaveBeenCalledTimes(5); // words, plan, text, plan, text
  });

  it('a refused key points to the settings', async () => {
    answers['translate/text'] = async () => ({
      ok: false,
      error: { code: 'translate-auth', message: 'DeepL refused the API key.' },
    });
    controller.actions.open();
    await settled(() => view().sentence.state === 'failed');
    expect(view().sentence).toMatchObject({ retry: true, settings: true });
    controller.actions.openSettings();
    expect(deps.call).toHaveBeenCalledWith('translate/open-options', {});
  });

  it('the on-device translator waits for the reader to download its language pack', async () => {
    answers['translate/plan'] = async () => ({
      ok: true,
      value: { kind: 'on-device', provider: 'Chrome on-device', source: 'zh-Hans' },
    });
    onDeviceState = 'downloadable';
    controller.actions.open();
    await settled(() => view().sentence.state === 'download');
    controller.actions.download();
    await settled(() => view().sentence.state === 'done');
    expect(view().sentence).toMatchObject({ text: 'on-device 挺反常的', provider: 'Chrome on-device' });
    expect(deps.onDevice.translate).toHaveBeenCalledWith(['挺反常的'], 'zh-Hans', expect.any(Function));
  });

  it('no service at all is explained as not set up', async () => {
    answers['translate/plan'] = async () => ({
      ok: true,
      value: { kind: 'on-device', provider: 'Chrome on-device', source: 'zh-Hans' },
    });
    controller.actions.open();
    await settled(() => view().sentence.state === 'not-set-up');
    expect(view().sentence).toEqual({ state: 'not-set-up', reason: 'on-device-absent' });
  });
});

describe('copy and save', () => {
  it('copies the selection, its translation and its words, and says so for a moment', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    controller.actions.open();
    await settled(() => view().sentence.state === 'done' && view().words.state === 'ready');
    controller.actions.copy();
    await settled(() => view().copy.state === 'done');
    expect(deps.writeClipboard).toHaveBeenCalledWith(
      `挺反常的\n${fakeTranslation('挺反常的')} (DeepL)\n反常 fǎncháng: unusual; abnormal`,
    );
    expect(copyText(view())).toBe((deps.writeClipboard as ReturnType<typeof vi.fn>).mock.calls[0][0]);
    vi.advanceTimersByTime(2_000);
    expect(view().copy.state).toBe('idle');
  });

  it('says when copying was refused', async () => {
    deps.writeClipboard = vi.fn(async () => Promise.reject(new Error('Document is not focused.')));
    controller.destroy();
    controller = createTranslateController(deps);
    controller.actions.open();
    controller.actions.copy();
    await settled(() => view().copy.state === 'failed');
    expect(view().copy).toEqual({ state: 'failed', message: 'Could not copy: Document is not focused.' });
  });

  it('saves the translation onto the selection, and says when that failed', async () => {
    controller.actions.open();
    await settled(() => view().sentence.state === 'done');
    controller.actions.save();
    await settled(() => view().save.state === 'done');
    expect(deps.attach).toHaveBeenCalledWith(selection, { text: fakeTranslation('挺反常的'), provider: 'DeepL' });

    deps.attach = vi.fn(
      async () => ({ ok: false, error: { code: 'storage-quota', message: 'Out of space.' } }) as Result<unknown>,
    );
    controller.destroy();
    controller = createTranslateController(deps);
    controller.actions.open();
    await settled(() => view().sentence.state === 'done');
    controller.actions.save();
    await settled(() => view().save.state === 'failed');
    expect(view().save).toEqual({ state: 'failed', message: 'Could not save the translation: Out of space.' });
  });

  it('saves nothing before there is a translation', () => {
    controller.actions.open();
    controller.actions.save();
    expect(deps.attach).not.toHaveBeenCalled();
  });
});

describe('add to word list', () => {
  /** A selection of `exact` in the article text `prefix` + `exact` + `suffix`. */
  const quoted = (prefix: string, exact: string, suffix: string): ArticleSelection => {
    const base = selectionOf(exact);
    return {
      ...base,
      target: { ...base.target, selector: [{ type: 'TextQuoteSelector', exact, prefix, suffix }, base.target.selector[1]] },
    };
  };

  it('keeps a word with the gloss’s reading and sense, the sentence around it and the article', async () => {
    selection = quoted('上一句。他說', '挺反常的', '，大家都笑了。下一句');
    const line = { pinyin: 'fǎncháng', gloss: 'abnormal' };
    answers['translate/words'] = async () => ({ ok: true, value: [{ ...WORDS[0], line }] });
    const added: unknown[] = [];
    answers['word-list/add'] = async (payload) => (added.push(payload), { ok: true, value: true });
    controller.actions.open();
    await settled(() => view().words.state === 'ready');
    const [word] = (view().words as { words: SelectionWord[] }).words;
    controller.actions.addWord(word);
    await settled(() => view().wordList.listed.includes('反常'));
    expect(added).toEqual([
      {
        entry: {
          word: '反常',
          pinyin: 'fǎncháng',
          sense: 'abnormal',
          sentence: '他說挺反常的，大家都笑了。',
          articleId: ARTICLE_ID,
          url: ARTICLE_URL,
        },
      },
    ]);
    expect(view().wordList.failed).toBeNull();
  });

  it('falls back to the first reading and sense without a gloss line, and says why a word was not added', async () => {
    const added: { entry: { pinyin: string; sense: string } }[] = [];
    answers['word-list/add'] = async (payload) => (
      added.push(payload),
      { ok: false, error: { code: 'storage-quota', message: 'The disk is full.' } }
    );
    controller.actions.open();
    await settled(() => view().words.state === 'ready');
    controller.actions.addWord(WORDS[0]);
    await settled(() => view().wordList.failed !== null);
    expect(added[0].entry).toMatchObject({ pinyin: 'fǎncháng', sense: 'unusual' });
    expect(view().wordList).toEqual({ listed: [], failed: expect.stringContaining('The disk is full.') });
  });
});

describe('keys and clicks', () => {
  /** Dispatches a keydown as the reader's own (trusted) key press, unless `trusted` is false. */
  const key = (init: KeyboardEventInit, target: EventTarget = document.body, trusted = true) => {
    const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    Object.defineProperty(event, 'isTrusted', { value: trusted });
    return target.dispatchEvent(event);
  };

  it('Alt+T opens on a selection, Esc closes', () => {
    key({ code: 'KeyT', key: 't', altKey: true });
    expect(controller.view()).not.toBeNull();
    key({ key: 'Escape', code: 'Escape' });
    expect(controller.view()).toBeNull();
  });

  it('Alt+T does nothing with other modifiers, held down, or while typing', () => {
    key({ code: 'KeyT', altKey: true, ctrlKey: true });
    key({ code: 'KeyT', altKey: true, shiftKey: true });
    key({ code: 'KeyT', altKey: true, repeat: true });
    const input = document.body.appendChild(document.createElement('textarea'));
    key({ code: 'KeyT', altKey: true }, input);
    input.remove();
    expect(controller.view()).toBeNull();
  });

  it("Alt+T does nothing when a page script sends it (the page's text must not be sent by a fake key press)", () => {
    key({ code: 'KeyT', altKey: true }, document.body, false);
    expect(controller.view()).toBeNull();
  });

  it('a click on the page closes it, a click inside it does not', () => {
    controller.actions.open();
    const own = document.body.appendChild(Object.assign(document.createElement('button'), { id: 'own' }));
    own.click();
    expect(controller.view()).not.toBeNull();
    document.body.click();
    expect(controller.view()).toBeNull();
    own.remove();
  });

  it('stops listening when destroyed', () => {
    controller.destroy();
    key({ code: 'KeyT', altKey: true });
    expect(controller.view()).toBeNull();
  });
});
