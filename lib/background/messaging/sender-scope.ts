/**
 * Who is asking the background, and what they may touch. Our own pages (popup, library, options, the note editor
 * frame) may work on any article. A content script speaks for a tab whose page runs hostile scripts beside it, so it
 * may work only on the article of the address the browser shows for that tab: never on another article's records,
 * whatever its message says.
 */
import { articleIdFromUrl, isNeteaseUrl, mayBeArticlePage } from '../../core/netease/article-id';

/** The parts of `runtime.MessageSender` the background looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  /** The frame that sent it (0: the tab's top frame). */
  frameId?: number;
  /** Chrome's id of the sending document (a new one for every page load); Firefox has none. */
  documentId?: string;
}

/** A request's sender, as far as the background is concerned. */
export type SenderScope =
  | { kind: 'extension-page'; tabId: number | undefined }
  | {
      kind: 'content-script';
      tabId: number | undefined;
      /** The sending frame, where the background runs the content script's chunks. */
      frameId: number;
      /** The one article this sender may read and change; null when its page names none (yet). */
      articleId: string | null;
      /** Claims the article for a page whose address names none: the first claim wins for that page load. */
      claim: (articleId: string) => boolean;
    };

/** How many page loads are remembered (the oldest is forgotten first; a tab's later loads come with new ids). */
const MAX_PAGE_LOADS = 500;

/** What the background holds about one page load of a content script. */
interface PageLoad {
  /** The article of the address the page was loaded at (or the first it named, where its address has none). */
  articleId: string | null;
  /** Whether its address names no article but may be one (its template declares the ID in the DOM). */
  mayClaim: boolean;
}

/**
 * Builds the function that tells the background who sent a message: `extensionOrigin` is ours (`runtime.getURL('/')`),
 * `extensionId` our id. Null for anyone else (other extensions, web pages, our content script off 163.com).
 *
 * A content script's article is read from its tab's address the first time the background hears from that page
 * load (Chrome's `documentId`; our content script says hello at document start, before any page script runs) and
 * kept for the page load: a page script that later rewrites the address with `history.replaceState` neither moves
 * the annotator to another article nor locks the reader out of their own. Where there is no `documentId` (Firefox),
 * the tab's address at each request decides.
 */
export function createSenderScopes(extensionId: string, extensionOrigin: string) {
  const loads = new Map<string, PageLoad>();

  const loadOf = (key: string, address: string): PageLoad => {
    const known = loads.get(key);
    if (known) return known;
    const articleId = articleIdFromUrl(address);
    const load = { articleId, mayClaim: articleId === null && mayBeArticlePage(address) };
    if (loads.size >= MAX_PAGE_LOADS) loads.delete(loads.keys().next().value!);
    loads.set(key, load);
    return load;
  };

  return (sender: SenderInfo | undefined): SenderScope | null => {
    if (sender?.id !== extensionId || typeof sender.url !== 'string') return null;
    const tabId = sender.tab?.id;
    if (sender.url.startsWith(extensionOrigin)) return { kind: 'extension-page', tabId };
    if (tabId === undefined || !isNeteaseUrl(sender.url)) return null;
    const address = sender.tab?.url ?? sender.url;
    const load = sender.documentId !== undefined ? loadOf(sender.documentId, address) : loadOf(`${tabId} ${address}`, address);
    return {
      kind: 'content-script',
      tabId,
      frameId: sender.frameId ?? 0,
      articleId: load.articleId,
      // A page whose address names no article: its first claim, made by our content script as it starts, is the only
      // article it may touch until it navigates.
      claim: (id) => {
        if (load.articleId === null && load.mayClaim) load.articleId = id;
        return load.articleId === id;
      },
    };
  };
}
