// Finds a Chromium to drive, with a CJK font beside it; installs Debian's packages when missing and we are root;
// otherwise explains how.
import { existsSync } from 'node:fs';
import { CJK_FONT, ensureSystemPackages, installHint } from './system-packages';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const found = (): string | undefined => [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p) => p && existsSync(p));

let checkedFont = false;

/**
 * The path of a Chromium executable; throws with install instructions when there is none and none can be installed.
 * A missing CJK font is installed alongside when possible, else a warning says how (the tests do not need it).
 */
export function findChromium(): string {
  const missing = checkedFont ? [] : ensureSystemPackages([{ pkg: 'chromium', present: () => !!found() }, CJK_FONT]);
  checkedFont = true;
  if (missing.includes(CJK_FONT.pkg)) {
    console.warn(
      `No CJK font (fc-list :lang=zh lists none): Chinese shows as boxes. Install one: ${installHint([CJK_FONT.pkg])}`,
    );
  }
  const path = found();
  if (path) return path;
  throw new Error(
    `Chromium was not found. Install it (Debian/Ubuntu: \`${installHint(['chromium'])}\`) ` +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable, then run the command again.',
  );
}
