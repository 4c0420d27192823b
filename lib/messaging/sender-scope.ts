/**
 * Who is asking the background, and what they may touch. Our own pages (popup, library, options, the note editor
 * frame) may work on any article. A content script speaks for a tab whose page runs hostile scripts beside it, so it
 * may work only on the article of the address the browser shows for that tab: never on another article's records,
 * whatever its message says.
 */
import { articleIdFromUrl, isNeteaseUrl, mayBeArticlePage } from '../netease/article-id';

/** The parts of `runtime.MessageSender` the background looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  /** Chrome's id of the sending document (a new one for every page load); Firefox has none. */
  documentId?: string;
}

/** A request's sender, as far as the background is concerned. */
export type SenderScope =
  | { kind: 'extension-page'; tabId: number | undefined }
  | {
      kind: 'content-script';
      tabId: number | undefined;
      /** The one article this sender may read and change; null when its page names none (yet). */
      articleId: string | null;
      /** Claims the article for a page whose address names none: the first claim wins for that page load. */
      claim: (articleId: string) => boolean;
    };

/** How many pages without an article ID in their address are remembered (a tab's later page loads replace it). */
const MAX_CLAIMS = 200;

/**
 * Builds the function that tells the background who sent a message: `extensionOrigin` is ours (`runtime.getURL('/')`),
 * `extensionId` our id. Null for anyone else (other extensions, web pages, our content script off 163.com).
 */
export function createSenderScopes(extensionId: string, extensionOrigin: string) {
  /** Article IDs claimed by pages whose address carries none, by page load. */
  const claims = new Map<string, string>();

  return (sender: SenderInfo | undefined): SenderScope | null => {
    if (sender?.id !== extensionId || typeof sender.url !== 'string') return null;
    const tabId = sender.tab?.id;
    if (sender.url.startsWith(extensionOrigin)) return { kind: 'extension-page', tabId };
    if (tabId === undefined || !isNeteaseUrl(sender.url)) return null;
    const address = sender.tab?.url ?? sender.url;
    const fromAddress = articleIdFromUrl(address);
    if (fromAddress !== null || !mayBeArticlePage(address)) {
      return { kind: 'content-script', tabId, articleId: fromAddress, claim: (id) => id === fromAddress };
    }
    // A NetEase page whose address names no article (its template declares the ID in the DOM): the page load's first
    // claim, made by our content script as it starts, is the only article it may touch until it navigates.
    const load = sender.documentId ?? `${tabId} ${address}`;
    return {
      kind: 'content-script',
      tabId,
      articleId: claims.get(load) ?? null,
      claim: (id) => {
        const held = claims.get(load);
        if (held !== undefined) return held === id;
        if (claims.size >= MAX_CLAIMS) claims.delete(claims.keys().next().value!);
        claims.set(load, id);
        return true;
      },
    };
  };
}
