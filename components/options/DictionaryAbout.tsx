import type { DictionaryAbout as About } from '../../lib/core/gloss/dictionary-asset';
import { t } from '../../lib/extension/i18n';

interface Props {
  /** What the bundled dictionary is; null while it is being read. */
  about: About | null;
  /** The bundled licence and credit text, inside the extension. */
  licenceTextUrl: string;
}

/**
 * The options page's About section: where the offline glosses and word senses come from, whom to credit, and the
 * licence they ship under (CC BY-SA 4.0 asks for all three where the data is used), with the full text one click away.
 */
export function DictionaryAbout({ about, licenceTextUrl }: Props) {
  return (
    <section class="about" aria-labelledby="about-heading">
      <h2 id="about-heading">{t('aboutTitle')}</h2>
      {about && (
        <>
          <p>
            {t(
              'aboutDictionary',
              about.source,
              // The source's own date, as its licence states it: in UTC, not shifted into the reader's time zone.
              new Date(about.date).toLocaleDateString(undefined, { dateStyle: 'long', timeZone: 'UTC' }),
              about.entries.toLocaleString(),
            )}
          </p>
          <p>{t('aboutCredit', about.credit)}</p>
          <p>
            {t('aboutLicence')}{' '}
            <a href={about.licenceUrl} target="_blank" rel="noopener noreferrer">
              {about.licence}
            </a>
            {' · '}
            <a href={licenceTextUrl} target="_blank" rel="noopener">
              {t('aboutLicenceText')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
