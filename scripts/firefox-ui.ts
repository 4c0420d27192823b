// The annotator's UI in Firefox, as the Firefox tests reach it: its closed shadow root handed to the page's main world
// through WebDriver BiDi (the shipped build stays closed), and its controls found by accessible name and clicked with
// real mouse input (the annotator ignores untrusted events). The counterpart of expose-closed-ui.ts for Chromium.
import type { Browser, Frame, Page } from 'puppeteer-core';
import { bidi, contextId } from './launch-firefox';

/** The custom element WXT hosts the annotator's shadow root in. */
const HOST_SELECTOR = 'nea-annotator';

/** A node as WebDriver BiDi serializes it (only what is used here). */
interface NodeValue {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: NodeValue | null };
}

/**
 * Makes the host's `shadowRoot` answer the closed root in the page's main world (where the tests read), unless it
 * already does or there is no host yet. BiDi serializes a closed root when asked (`includeShadowTree: 'all'`); the
 * getter is defined on the main world's view of the host, which the content script (behind Firefox's Xray
 * wrappers) never sees. Asked again before each look, since a reload brings a new host.
 */
export async function exposeClosedUi(browser: Browser, page: Page): Promise<void> {
  const target = { context: contextId(page) };
  const probe = await bidi<{ result: NodeValue }>(browser, 'script.callFunction', {
    functionDeclaration: `() => { const host = document.querySelector('${HOST_SELECTOR}'); return host && !host.shadowRoot ? host : null; }`,
    awaitPromise: false,
    target,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const host = probe.result;
  const root = host.value?.shadowRoot;
  if (host.type !== 'node' || !root?.sharedId) return;
  await bidi(browser, 'script.callFunction', {
    functionDeclaration: 'function (root) { Object.defineProperty(this, "shadowRoot", { get: () => root, configurable: true }); }',
    this: { sharedId: host.sharedId },
    arguments: [{ sharedId: root.sharedId }],
    awaitPromise: false,
    target,
  });
}

/** How a control is looked for: its accessible name, optionally its role, optionally inside a labelled container. */
export interface ControlQuery {
  name: string | RegExp;
  role?: string;
  within?: string;
}

/** Finds the control in the document and in the exposed annotator UI; scrolls it into view and gives its centre. */
function locateControl({ name, flags, role, within }: { name: string; flags: string | null; role?: string; within?: string }) {
  const matches = (text: string) => (flags === null ? text === name : new RegExp(name, flags).test(text));
  const roots: ParentNode[] = [document];
  const host = document.querySelector('nea-annotator');
  if (host?.shadowRoot) roots.push(host.shadowRoot);
  const implicitRole = (el: Element) => {
    const tag = el.localName;
    if (tag === 'button') return 'button';
    if (tag === 'a') return 'link';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return 'combobox';
    if (tag === 'input') {
      const type = (el as HTMLInputElement).type;
      return type === 'checkbox' ? 'checkbox' : type === 'radio' ? 'radio' : type === 'search' ? 'searchbox' : 'textbox';
    }
    return '';
  };
  const accessibleName = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) return labelledBy.split(/\s+/).map((id) => (el.getRootNode() as Document).getElementById(id)?.textContent ?? '').join(' ').trim();
    const labels = (el as HTMLInputElement).labels;
    if (labels?.length) return [...labels].map((l) => l.textContent ?? '').join(' ').trim();
    return (el.textContent ?? '').trim() || (el.getAttribute('title') ?? '');
  };
  const found: Element[] = [];
  for (const root of roots) {
    const scopes = within ? [...root.querySelectorAll('[aria-label], [role]')].filter((el) => accessibleName(el) === within) : [root];
    for (const scope of scopes) {
      for (const el of scope.querySelectorAll('button, a, input, select, textarea, [role]')) {
        if (role && (el.getAttribute('role') ?? implicitRole(el)) !== role) continue;
        if (matches(accessibleName(el)) && (el as HTMLElement).offsetParent !== null) found.push(el);
      }
    }
  }
  if (found.length === 0) return null;
  found[0].scrollIntoView({ block: 'center' });
  const rect = found[0].getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, count: found.length };
}

const queryArg = ({ name, role, within }: ControlQuery) => ({
  name: typeof name === 'string' ? name : name.source,
  flags: typeof name === 'string' ? null : name.flags,
  role,
  within,
});

/** How many shown controls match (0 when none), in `page` or its annotator UI. */
export async function countControls(browser: Browser | null, page: Page | Frame, query: ControlQuery): Promise<number> {
  if (browser) await exposeClosedUi(browser, page as Page);
  const spot = await page.evaluate(locateControl, queryArg(query));
  return spot?.count ?? 0;
}

/**
 * Clicks the first shown control matching `query`, in `page` (an article with its annotator UI when `browser` is
 * given, else an extension page) with the mouse. Throws when there is none.
 */
export async function clickControl(browser: Browser | null, page: Page, query: ControlQuery): Promise<void> {
  if (browser) await exposeClosedUi(browser, page);
  const spot = await page.evaluate(locateControl, queryArg(query));
  if (!spot) throw new Error(`no control named ${String(query.name)}`);
  await page.mouse.click(spot.x, spot.y);
}

/** The text of the first element matching `selector` in the annotator UI ('' when there is none). */
export async function uiText(browser: Browser, page: Page, selector: string): Promise<string> {
  await exposeClosedUi(browser, page);
  return page.evaluate(
    (selector) => document.querySelector('nea-annotator')?.shadowRoot?.querySelector(selector)?.textContent ?? '',
    selector,
  );
}

/** A browsing context as `browsingContext.getTree` reports it. */
interface ContextInfo {
  context: string;
  url: string;
  children: ContextInfo[] | null;
}

/**
 * The ids of `page`'s frames showing the annotator's editor in `mode`. Read from BiDi's own tree: puppeteer does not
 * follow a frame's navigation to an extension page (its `url()` stays `about:blank`).
 */
export async function editorFrameIds(browser: Browser, page: Page, mode: 'note' | 'tags'): Promise<string[]> {
  const { contexts } = await bidi<{ contexts: ContextInfo[] }>(browser, 'browsingContext.getTree', { root: contextId(page) });
  const all = (list: ContextInfo[]): ContextInfo[] => list.flatMap((c) => [c, ...all(c.children ?? [])]);
  return all(contexts)
    .filter((c) => c.url.includes('/annotation-editor.html#') && c.url.includes(`#${mode}/`))
    .map((c) => c.context);
}

/** The annotator's editor frame (an extension page inside the UI) showing `mode`'s editor, once it is there. */
export async function editorFrame(browser: Browser, page: Page, mode: 'note' | 'tags'): Promise<Frame> {
  const find = async () => {
    const [id] = await editorFrameIds(browser, page, mode);
    return page.frames().find((frame) => contextId(frame) === id);
  };
  for (let frame = await find(), tries = 1; ; frame = await find(), tries++) {
    if (frame) {
      await frame.waitForFunction(() => document.querySelector('textarea, input') !== null);
      return frame;
    }
    if (tries === FRAME_TRIES) throw new Error(`no ${mode} editor frame`);
    await new Promise((resolve) => setTimeout(resolve, FRAME_RETRY_MS));
  }
}

/** How often and how long `editorFrame` looks for a frame that is being opened (10 s in all). */
const FRAME_RETRY_MS = 100;
const FRAME_TRIES = 100;
