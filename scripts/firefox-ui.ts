// The annotator's UI in Firefox, as the Firefox tests reach it: its closed shadow root handed to the page's main world
// through WebDriver BiDi (the shipped build stays closed), and its controls found by accessible name and clicked with
// real mouse input (the annotator ignores untrusted events). The counterpart of expose-closed-ui.ts for Chromium.
import type { Browser, Page } from 'puppeteer-core';
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
    functionDeclaration:
      'function (root) { Object.defineProperty(this, "shadowRoot", { get: () => root, configurable: true }); }',
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

/**
 * Finds the controls matching in the document and in the exposed annotator UI: how many, and (`forClick`) the first
 * one's centre once it is scrolled into view, still and uncovered (null until then).
 */
async function locateControl({
  name,
  flags,
  role,
  within,
  forClick,
}: {
  name: string;
  flags: string | null;
  role?: string;
  within?: string;
  forClick: boolean;
}) {
  const matches = (text: string) => (flags === null ? text === name : new RegExp(name, flags).test(text));
  const roots: ParentNode[] = [document];
  const host = document.querySelector('nea-annotator');
  if (host?.shadowRoot) roots.push(host.shadowRoot);
  const implicitRole = (el: Element) => {
    const tag = el.localName;
    if (tag === 'button') return 'button';
    if (tag === 'dialog') return 'dialog';
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
    if (labelledBy)
      return labelledBy
        .split(/\s+/)
        .map((id) => (el.getRootNode() as Document).getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    const labels = (el as HTMLInputElement).labels;
    if (labels?.length)
      return [...labels]
        .map((l) => l.textContent ?? '')
        .join(' ')
        .trim();
    return (el.textContent ?? '').trim() || (el.getAttribute('title') ?? '');
  };
  const found: Element[] = [];
  for (const root of roots) {
    const scopes = within
      ? [...root.querySelectorAll('[aria-label], [role], dialog')].filter((el) => accessibleName(el) === within)
      : [root];
    for (const scope of scopes) {
      for (const el of scope.querySelectorAll('button, a, input, select, textarea, dialog, [role]')) {
        if (role && (el.getAttribute('role') ?? implicitRole(el)) !== role) continue;
        const shown = el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        if (shown && matches(accessibleName(el))) found.push(el);
      }
    }
  }
  if (found.length === 0) return null;
  if (!forClick) return { x: 0, y: 0, count: found.length };
  // Like Playwright's actionability checks: the first control that, scrolled into view, has stopped moving (same box
  // over two frames) and is what a click at its centre reaches (nothing covers it).
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  for (const control of found) {
    control.scrollIntoView({ block: 'center' });
    const before = JSON.stringify(control.getBoundingClientRect());
    await frame();
    await frame();
    const rect = control.getBoundingClientRect();
    if (JSON.stringify(rect) !== before) continue;
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    const hit = (control.getRootNode() as Document | ShadowRoot).elementFromPoint(x, y);
    if (hit && (hit === control || control.contains(hit))) return { x, y, count: found.length };
  }
  return null;
}

const queryArg = ({ name, role, within }: ControlQuery, forClick: boolean) => ({
  forClick,
  name: typeof name === 'string' ? name : name.source,
  flags: typeof name === 'string' ? null : name.flags,
  role,
  within,
});

/** How many shown controls match (0 when none), in `page` or its annotator UI. */
export async function countControls(browser: Browser | null, page: Page, query: ControlQuery): Promise<number> {
  if (browser) await exposeClosedUi(browser, page);
  const spot = await page.evaluate(locateControl, queryArg(query, false));
  return spot?.count ?? 0;
}

/**
 * Clicks the first shown control matching `query`, in `page` (an article with its annotator UI when `browser` is
 * given, else an extension page) with the mouse, once it is shown. Throws when none shows.
 */
export async function clickControl(browser: Browser | null, page: Page, query: ControlQuery): Promise<void> {
  const spot = await soon(`a control named ${String(query.name)}`, async () => {
    if (browser) await exposeClosedUi(browser, page);
    return page.evaluate(locateControl, queryArg(query, true));
  });
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

/** The title of the iframe each editor is shown in (the annotator's `noteEditorLabel` and `tagsLabel`). */
const FRAME_TITLES = { note: 'Note', tags: 'Tags' } as const;

/**
 * The annotator's editor frame (an extension page inside the UI) showing `mode`'s editor, once its field is there
 * and the frame has taken the height it asked for (the popover around it has its final size): its BiDi context id,
 * for `inFrame` and `clickInEditor`.
 */
export async function editorFrame(browser: Browser, page: Page, mode: 'note' | 'tags'): Promise<string> {
  const id = await soon(`the ${mode} editor frame`, async () => (await editorFrameIds(browser, page, mode))[0]);
  await soon(`the ${mode} editor's field`, () =>
    inFrame(browser, id, () => document.querySelector('textarea, input') !== null, null),
  );
  await soon(`the ${mode} editor's height`, () => frameBox(browser, page, mode).then((box) => box.height > 0));
  return id;
}

/** Where `mode`'s editor frame is in `page`'s window. */
async function frameBox(browser: Browser, page: Page, mode: 'note' | 'tags') {
  await exposeClosedUi(browser, page);
  return page.evaluate((title) => {
    const rect = document
      .querySelector('nea-annotator')!
      .shadowRoot!.querySelector(`iframe[title="${title}"]`)!
      .getBoundingClientRect();
    return { x: rect.left, y: rect.top, height: rect.height };
  }, FRAME_TITLES[mode]);
}

/**
 * Runs `fn(arg)` in the frame `context` and resolves with its JSON-able result. Straight over BiDi: puppeteer's own
 * frame objects do not follow a frame to an extension page.
 */
export async function inFrame<A, R>(browser: Browser, context: string, fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
  const answer = await bidi<{ type: string; result?: { value: string }; exceptionDetails?: { text: string } }>(
    browser,
    'script.callFunction',
    {
      functionDeclaration: `async (arg) => JSON.stringify((await (${fn.toString()})(JSON.parse(arg))) ?? null)`,
      arguments: [{ type: 'string', value: JSON.stringify(arg) }],
      awaitPromise: true,
      target: { context },
    },
  );
  if (answer.type !== 'success') throw new Error(`in frame: ${answer.exceptionDetails?.text}`);
  return JSON.parse(answer.result!.value);
}

/**
 * Clicks the middle of `selector` in `page`'s `mode` editor frame with the mouse, again until it has the focus (the
 * popover holding the frame may still be moving into place).
 */
export async function clickInEditor(browser: Browser, page: Page, mode: 'note' | 'tags', selector: string): Promise<void> {
  const id = await editorFrame(browser, page, mode);
  await soon(`the focus in ${selector}`, async () => {
    const inner = await inFrame(
      browser,
      id,
      (s) => {
        const rect = document.querySelector(s)!.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      },
      selector,
    );
    const frame = await frameBox(browser, page, mode);
    await page.mouse.click(frame.x + inner.x, frame.y + inner.y);
    return inFrame(browser, id, (s) => document.activeElement === document.querySelector(s), selector);
  });
}

/** How often and how many times `soon` looks (10 s in all): for what the page shows after a message round trip. */
const RETRY_MS = 100;
const TRIES = 100;

/** Resolves with what `look` finds once it finds something; throws, naming `what`, when it never does. */
async function soon<T>(what: string, look: () => Promise<T | null | undefined>): Promise<T> {
  for (let tries = 1; ; tries++) {
    const found = await look();
    if (found) return found;
    if (tries === TRIES) throw new Error(`never found ${what}`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}
