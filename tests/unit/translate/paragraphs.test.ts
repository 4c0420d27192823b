import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTextIndex } from '../../../lib/core/anchoring/text-index';
import type { Result } from '../../../lib/extension/messaging/messages';
import { isNonArticleElement } from '../../../lib/core/netease/non-article-content';
import type { OnDeviceTranslator } from '../../../lib/content/translate/on-device';
import {
  PARAGRAPH_TRANSLATION_TAG,
  removeParagraphTranslations,
  translateParagraphs,
  type ParagraphDeps,
} from '../../../lib/content/translate/paragraphs';
import type { Translated, TranslationPlan } from '../../../lib/background/translate/translate-service';
import { fakeTranslation } from '../../../scripts/fake-translation-servers';
import type { CallBackground } from '../../../lib/content/annotator/annotator-controller';
import { contentParagraphDeps } from '../../../lib/content/translate/content-deps';

let root: Element;
let deps: ParagraphDeps & { remote: ReturnType<typeof vi.fn<ParagraphDeps['remote']>> };

const absent: OnDeviceTranslator = { state: async () => 'absent', translate: async () => [] };
const remotePlan: Extract<Result<TranslationPlan>, { ok: true }> = {
  ok: true,
  value: { kind: 'remote', provider: 'DeepL', source: 'zh-Hans' },
};

beforeEach(() => {
  document.body.innerHTML = `<div class="post_body">
    <p id="a">研究生命</p>
    <p id="b">Hello, no Chinese here.</p>
    <p id="c">人民<b>很</b>长</p>
    <div class="post_statement"><p id="d">特别声明</p></div>
  </div>`;
  root = document.querySelector('.post_body')!;
  deps = {
    plan: vi.fn(async () => remotePlan),
    remote: vi.fn(async (texts: string[]): Promise<Result<Translated>> => ({
      ok: true,
      value: { texts: texts.map(fakeTranslation), provider: 'DeepL' },
    })),
    onDevice: absent,
  };
});

const shown = () =>
  [...root.querySelectorAll(PARAGRAPH_TRANSLATION_TAG)].map((el) => [el.previousElementSibling?.id, el.shadowRoot?.textContent]);

describe('translateParagraphs', () => {
  it('puts the translation under each article paragraph with Chinese, leaving the article text as it was', async () => {
    const before = buildTextIndex(root, isNonArticleElement).text;
    expect(await translateParagraphs(root, deps)).toEqual({ ok: true, provider: 'DeepL', count: 2 });
    expect(shown()).toEqual([
      ['a', expect.stringContaining(fakeTranslation('研究生命'))],
      ['c', expect.stringContaining(fakeTranslation('人民很长'))],
    ]);
    expect(deps.remote).toHaveBeenCalledWith(['研究生命', '人民很长'], 'zh-Hans');
    expect(buildTextIndex(root, isNonArticleElement).text).toBe(before);
    expect(root.textContent).not.toContain('EN[');
    const el = root.querySelector(PARAGRAPH_TRANSLATION_TAG)!;
    expect(el.hasAttribute('data-nea-ignore')).toBe(true);
    expect(el.getAttribute('lang')).toBe('en');
  });

  it('does not double or re-request translations when called again', async () => {
    await translateParagraphs(root, deps);
    await translateParagraphs(root, deps);
    expect(shown()).toHaveLength(2);
    expect(deps.remote).toHaveBeenCalledTimes(1);
  });

  it('after the page changed: replaces the translation of a changed paragraph and drops that of a removed one', async () => {
    await translateParagraphs(root, deps);
    document.getElementById('c')!.textContent = '生命';
    document.getElementById('a')!.remove();
    await translateParagraphs(root, deps);
    expect(shown()).toEqual([['c', expect.stringContaining(fakeTranslation('生命'))]]);
    expect(deps.remote).toHaveBeenLastCalledWith(['生命'], 'zh-Hans');
  });

  it('places nothing for a paragraph that changed while its translation was on the way', async () => {
    deps.remote.mockImplementationOnce(async (texts) => {
      document.getElementById('a')!.textContent = '人民';
      return { ok: true, value: { texts: texts.map(fakeTranslation), provider: 'DeepL' } };
    });
    await translateParagraphs(root, deps);
    expect(shown()).toEqual([['c', expect.any(String)]]);
  });

  /** Makes the background's plan answer `answer`. */
  const planAnswers = (answer: Result<TranslationPlan>) => () => {
    deps.plan = async () => answer;
  };
  const NEEDS_SERVICE = 'Paragraph translation needs';

  it.each<[string, () => void, string]>([
    ['no service is chosen', planAnswers({ ok: true, value: { ...remotePlan.value, kind: 'off' } }), NEEDS_SERVICE],
    [
      'the on-device translator is missing',
      planAnswers({ ok: true, value: { ...remotePlan.value, kind: 'on-device' } }),
      NEEDS_SERVICE,
    ],
    [
      'the background fails',
      planAnswers({ ok: false, error: { code: 'no-receiver', message: 'Reload this page.' } }),
      'Reload this page.',
    ],
    [
      'the service fails',
      () =>
        deps.remote.mockResolvedValue({ ok: false, error: { code: 'translate-quota', message: 'Your DeepL quota is used up.' } }),
      'Your DeepL quota is used up.',
    ],
  ])('shows nothing and says why when %s', async (_, arrange, message) => {
    arrange();
    expect(await translateParagraphs(root, deps)).toEqual({ ok: false, message: expect.stringContaining(message) });
    expect(shown()).toEqual([]);
  });

  it('removeParagraphTranslations takes every translation away', async () => {
    await translateParagraphs(root, deps);
    removeParagraphTranslations(root);
    expect(shown()).toEqual([]);
    expect(root.querySelectorAll('p')).toHaveLength(4);
  });
});

describe('contentParagraphDeps', () => {
  it('plans and translates through the background messages', async () => {
    const translated = { texts: [fakeTranslation('研究生命'), fakeTranslation('人民很长')], provider: 'DeepL' };
    const call = vi.fn(async (type: string) => (type === 'translate/plan' ? remotePlan : { ok: true, value: translated }));
    const outcome = await translateParagraphs(root, contentParagraphDeps(call as unknown as CallBackground, absent));
    expect(outcome).toEqual({ ok: true, provider: 'DeepL', count: 2 });
    expect(call).toHaveBeenCalledWith('translate/plan', { sample: '研究生命\n人民很长' });
    expect(call).toHaveBeenCalledWith('translate/text', { texts: ['研究生命', '人民很长'], source: 'zh-Hans' });
  });
});
