import { useEffect, useRef } from 'preact/hooks';
import type { SentenceView, TranslateView } from '../../lib/content/translate/popover-state';
import type { TranslateActions } from '../../lib/content/translate/translate-controller';
import type { SelectionWord } from '../../lib/core/translate/selection-words';
import type { NotSetUpReason } from '../../lib/content/shell/translation/sentences';
import { t, type MessageKey } from '../../lib/extension/i18n';
import { useKeepInView } from './use-keep-in-view';

interface Props {
  view: TranslateView;
  actions: TranslateActions;
}

/** Why no sentence service is set up, for each reason. */
const NOT_SET_UP: Record<NotSetUpReason, MessageKey> = {
  off: 'translateOff',
  'on-device-absent': 'translateOnDeviceAbsent',
  'on-device-unavailable': 'translateOnDeviceUnavailable',
};

/** Each dictionary word of the selection with its readings (pinyin, then the senses) and Add to word list. */
function Words({ words, view, actions }: { words: SelectionWord[]; view: TranslateView; actions: TranslateActions }) {
  if (words.length === 0) return <p class="nea-muted">{t('translateNoWords')}</p>;
  return (
    <dl class="nea-words">
      {words.map((word) => (
        <div key={word.text} class="nea-word">
          <dt>
            <span lang="zh">{word.text}</span>{' '}
            <AddWordButton
              listed={view.wordList.listed.includes(word.text)}
              word={word.text}
              onAdd={() => actions.addWord(word)}
            />
          </dt>
          {word.entries.map((entry, i) => (
            <dd key={i}>
              <span class="nea-pinyin">{entry.pinyin}</span> {entry.senses.join('; ')}
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

/** Adds one word to the word list; once it is there, says so. */
function AddWordButton({ listed, word, onAdd }: { listed: boolean; word: string; onAdd: () => void }) {
  return (
    <button
      type="button"
      class="nea-text-button nea-add-word"
      aria-label={listed ? undefined : t('translateAddWord', word)}
      disabled={listed}
      onClick={onAdd}
    >
      {listed ? t('translateWordAdded') : t('glossAddToWordList')}
    </button>
  );
}

/** The sentence translation in each of its states, with the controls each state offers. */
function Sentence({ sentence, actions }: { sentence: SentenceView; actions: TranslateActions }) {
  const settingsButton = (
    <button type="button" class="nea-text-button" onClick={actions.openSettings}>
      {t('translateSettings')}
    </button>
  );
  switch (sentence.state) {
    case 'loading':
      return (
        <p role="status" class="nea-muted">
          {sentence.provider ? t('translateLoadingWith', sentence.provider) : t('translateLoading')}
        </p>
      );
    case 'done':
      return (
        <>
          <p lang="en" class="nea-translation">
            {sentence.text}
          </p>
          <p class="nea-provider">{t('translatedBy', sentence.provider)}</p>
        </>
      );
    case 'failed':
      return (
        <>
          <p role="alert" class="nea-error">
            {sentence.message}
          </p>
          <div class="nea-row">
            {sentence.retry && (
              <button type="button" class="nea-text-button" onClick={actions.retry}>
                {t('retry')}
              </button>
            )}
            {sentence.settings && settingsButton}
          </div>
        </>
      );
    case 'not-set-up':
      return (
        <>
          <p class="nea-muted">{t(NOT_SET_UP[sentence.reason])}</p>
          <div class="nea-row">{settingsButton}</div>
        </>
      );
    case 'download':
      return (
        <>
          <p class="nea-muted">{t('translateDownloadHelp', sentence.provider)}</p>
          <div class="nea-row">
            <button type="button" class="nea-text-button nea-primary" onClick={actions.download}>
              {t('translateDownload')}
            </button>
          </div>
        </>
      );
    case 'downloading':
      return (
        <p role="status" class="nea-muted">
          {t('translateDownloading', Math.round(sentence.progress * 100))}{' '}
          <progress max={1} value={sentence.progress} aria-label={t('translateDownload')} />
        </p>
      );
  }
}

/** The translation popover under a selection: dictionary words (offline), the sentence translation, Copy and Save. */
export function TranslatePopover({ view, actions }: Props) {
  const root = useRef<HTMLDivElement>(null);
  useKeepInView(root);
  useEffect(() => root.current?.querySelector('button')?.focus({ preventScroll: true }), [view.text]);
  const { sentence, copy, save } = view;
  return (
    <div
      class={`nea-popover nea-translate nea-floating${view.above ? ' nea-above' : ''}`}
      role="dialog"
      aria-label={t('translatePopoverLabel')}
      style={{ left: `${view.at.x}px`, top: `${view.at.y}px`, '--nea-room': `${view.room}px` }}
      ref={root}
    >
      <div class="nea-row">
        <strong>{t('translatePopoverLabel')}</strong>
        <button type="button" class="nea-icon-button" aria-label={t('close')} title={t('close')} onClick={actions.close}>
          ×
        </button>
      </div>
      <section class="nea-translate-part" aria-label={t('translateWordsLabel')}>
        {view.words.state === 'loading' && (
          <p role="status" class="nea-muted">
            {t('translateWordsLoading')}
          </p>
        )}
        {view.words.state === 'failed' && <p class="nea-error">{view.words.message}</p>}
        {view.words.state === 'ready' && <Words words={view.words.words} view={view} actions={actions} />}
        {view.wordList.failed && (
          <p role="alert" class="nea-error">
            {view.wordList.failed}
          </p>
        )}
      </section>
      <section class="nea-translate-part" aria-label={t('translateSentenceLabel')} aria-live="polite">
        <Sentence sentence={sentence} actions={actions} />
      </section>
      <div class="nea-row">
        <button type="button" class="nea-text-button" onClick={actions.copy}>
          {copy.state === 'done' ? t('copied') : t('copy')}
        </button>
        {sentence.state === 'done' && (
          <button
            type="button"
            class="nea-text-button"
            disabled={save.state === 'busy' || save.state === 'done'}
            onClick={actions.save}
          >
            {save.state === 'done' ? t('translateSaved') : t('translateSave')}
          </button>
        )}
      </div>
      {copy.state === 'failed' && (
        <p role="alert" class="nea-error">
          {copy.message}
        </p>
      )}
      {save.state === 'failed' && (
        <p role="alert" class="nea-error">
          {save.message}
        </p>
      )}
    </div>
  );
}
