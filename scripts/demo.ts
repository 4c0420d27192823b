// `npm run demo`: builds the extension and opens Chromium with it on the bundled sample article at its real URL.
// With a display: a real browser window for a person. Without one: a short scripted tour, screenshots in demo-output/.
import { execSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startFixtureServer, DESKTOP_URL, MOBILE_URL } from './fixture-server';
import { launchWithExtension } from './launch-browser';
import { activeTabId, dragSelect, noteEditor, scrollToElement, clickText } from './reader-actions';

const OUT = 'demo-output';
execSync('npx wxt build', { stdio: 'inherit' });
const server = await startFixtureServer();
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;

if (headed) {
  const { context } = await launchWithExtension({ port: server.port, headless: false });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(DESKTOP_URL);
  console.log(`Chromium is open on ${DESKTOP_URL} with NetEase Annotator loaded.`);
  console.log(`Select text in the article to highlight it. The mobile page is ${MOBILE_URL}. Close the window to quit.`);
  await new Promise((resolve) => context.on('close', resolve));
  await server.close();
} else {
  mkdirSync(OUT, { recursive: true });
  const { context, worker, extensionId } = await launchWithExtension({ port: server.port });
  const page = context.pages()[0] ?? (await context.newPage());
  const shot = async (p: Page, name: string) => {
    await p.screenshot({ path: `${OUT}/${name}.png` });
    console.log(`  ${OUT}/${name}.png`);
  };
  console.log('No display: running the scripted tour headless.');
  await page.goto(DESKTOP_URL);
  await page.waitForSelector('nea-annotator', { state: 'attached' });

  const first = '[id="004FXQVR"]';
  await scrollToElement(page, first);
  await dragSelect(page, first, '一切都應(yīng)該是“昨天就完成”');
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await shot(page, '1-highlighted');

  const second = '[id="004FXWZQ"]';
  await dragSelect(page, second, '我們確實(shí)會(huì)這樣做');
  await page.keyboard.press('Alt+N');
  await noteEditor(page).fill('工程師也要思考“物理極限” — first-principles thinking, even in software.');
  await shot(page, '2-note-editor');
  await page.keyboard.press('Control+Enter');

  await page.reload();
  await page.waitForFunction(() => CSS.highlights.size > 0);
  await scrollToElement(page, first);
  await clickText(page, first, '昨天就完成');
  await shot(page, '3-after-reload-popover');

  await page.bringToFront();
  const tabId = await activeTabId(worker);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 520 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByRole('listitem').first().waitFor();
  await shot(popup, '4-popup');

  const mobile = await context.newPage();
  await mobile.setViewportSize({ width: 420, height: 860 });
  await mobile.goto(MOBILE_URL);
  await mobile.waitForFunction(() => CSS.highlights.size > 0);
  await scrollToElement(mobile, first);
  await shot(mobile, '5-mobile-same-highlights');

  await page.bringToFront();
  await page.keyboard.press('Escape'); // close the popover left open above
  await scrollToElement(page, first);
  await page.keyboard.press('Alt+G');
  await page.waitForSelector('gloss-word', { state: 'attached' });
  await page.waitForTimeout(500);
  await shot(page, '6-gloss');
  await page.keyboard.press('Alt+G');

  // The translation popover: every word of the selection from the offline dictionary (no service set up here).
  const third = '[id="004G2HYZ"]';
  await scrollToElement(page, third);
  await dragSelect(page, third, '幾乎不需要同步、不需要審批,也不需要等任何人。');
  await page.keyboard.press('Alt+T');
  await page
    .getByRole('dialog', { name: 'Translation' })
    .getByRole('region', { name: 'Dictionary words' })
    .locator('dt')
    .first()
    .waitFor();
  await page.waitForTimeout(300);
  await shot(page, '7-translate');
  await page.keyboard.press('Escape');

  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  await library.getByRole('searchbox').first().fill('物理');
  await library.waitForTimeout(500);
  await shot(library, '8-library-search');

  await context.close();
  await server.close();
  console.log('Tour finished.');
}
