/**
 * What the browser must grant before a remote translation service the reader chose is used: access to its hosts,
 * and in Firefox also the reader's consent to transmit website content (the text they ask to translate), which the
 * Firefox package declares as optional data collection (`data_collection_permissions` in wxt.config.ts). Asked for
 * together from the options page's click, and checked by the background before every request.
 */
import type { Browser } from 'wxt/browser';
import { TRANSLATION_DATA_COLLECTION } from '../core/translate/origins';

/** Permissions as `permissions.request`/`contains` take them, with Firefox's data collection consent beside them. */
export type TranslationAccess = Browser.permissions.Permissions & { data_collection?: string[] };

/** The access a remote service at `origins` needs in this build's browser. */
export const translationAccess = (origins: string[]): TranslationAccess =>
  import.meta.env.FIREFOX ? { origins, data_collection: [TRANSLATION_DATA_COLLECTION] } : { origins };
