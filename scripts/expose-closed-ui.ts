// The annotator's UI lives in a closed shadow root, which Playwright's locators (like the page's scripts) cannot
// enter. For the demo tour and the browser tests, this hands the root to Playwright's own isolated world, so that
// `page.getByRole(…)` finds the annotator's buttons and fields and clicks them with real (trusted) input, and — unless
// a test plays the page's scripts as an attacker (tests/security) — to the page's main world too, where Playwright
// reads texts (`allInnerTexts`, `evaluate`). The security tests keep the main world as locked out as a reader's.
import type { CDPSession, Page } from 'playwright-core';

/** The custom element WXT hosts the annotator's shadow root in. */
const HOST_SELECTOR = 'nea-annotator';
/** How often a page is checked for a new host or a new Playwright world (after a load or reload). */
const CHECK_MS = 100;
/** Playwright names its isolated world `__playwright_utility_world_…`. */
const UTILITY_WORLD = '__playwright_utility_world';

/** Whether the host in `contextId` already answers `shadowRoot` (or there is no host yet). */
const PROBE = `(() => { const host = document.querySelector('${HOST_SELECTOR}'); return !host || !!host.shadowRoot; })()`;

/** In Playwright's world: makes the host's `shadowRoot` the closed root, as if it were open. */
const EXPOSE = 'function (root) { Object.defineProperty(this, "shadowRoot", { get: () => root, configurable: true }); }';

/** Exposes the closed root in `contextId` once, if the host is there and not yet exposed. */
async function exposeIn(cdp: CDPSession, contextId: number): Promise<void> {
  const probe = await cdp.send('Runtime.evaluate', { expression: PROBE, contextId, returnByValue: true });
  if (probe.result.value !== false) return;
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: HOST_SELECTOR });
  if (!nodeId) return;
  const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 0, pierce: true });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return;
  const host = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId, executionContextId: contextId });
  const closed = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, executionContextId: contextId });
  await cdp.send('Runtime.callFunctionOn', {
    objectId: host.object.objectId!,
    functionDeclaration: EXPOSE,
    arguments: [{ objectId: closed.object.objectId! }],
  });
}

/**
 * Keeps the annotator's closed shadow root reachable by Playwright's locators on `page` (web pages only) for as long
 * as the page is open, across loads and reloads.
 */
export async function exposeClosedUi(page: Page, { mainWorld }: { mainWorld: boolean }): Promise<void> {
  if (!/^https?:/.test(page.url()) && page.url() !== 'about:blank') return;
  const cdp = await page.context().newCDPSession(page);
  const worlds = new Map<number, string>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const isMain = (context.auxData as { isDefault?: boolean } | undefined)?.isDefault === true;
    if (context.name.startsWith(UTILITY_WORLD) || (mainWorld && isMain)) worlds.set(context.id, context.name);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => worlds.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => worlds.clear());
  await cdp.send('Runtime.enable');
  await cdp.send('DOM.enable');
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    Promise.all([...worlds.keys()].map((id) => exposeIn(cdp, id).catch(() => {})))
      .catch(() => {})
      .finally(() => (busy = false));
  }, CHECK_MS);
  page.once('close', () => clearInterval(timer));
}
