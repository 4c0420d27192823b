// Finds a Chromium to drive; installs Debian's package when missing and we are root; otherwise explains how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const found = (): string | undefined => [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p) => p && existsSync(p));

/** The path of a Chromium executable; throws with install instructions when there is none and none can be installed. */
export function findChromium(): string {
  const existing = found();
  if (existing) return existing;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let hasApt = false;
  try {
    execSync('command -v apt-get', { stdio: 'ignore' });
    hasApt = true;
  } catch {}
  if (isRoot && hasApt) {
    console.log('Chromium is missing: installing it with apt-get (Debian package "chromium")…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', {
      stdio: 'inherit',
      shell: '/bin/bash',
    });
    const installed = found();
    if (installed) return installed;
  }
  throw new Error(
    'Chromium was not found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable, then run the command again.',
  );
}
