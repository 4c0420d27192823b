// What the browser tests need from the machine besides npm: a browser and a CJK font. Installs the missing Debian
// packages when we are root and apt-get is there (one `apt-get update`, one install); otherwise says how.
import { execSync } from 'node:child_process';

/** A Debian package the tests want, and whether the machine already has what it provides. */
export interface SystemNeed {
  /** The Debian package that provides it (`chromium`, `fonts-noto-cjk`, `firefox-esr`). */
  pkg: string;
  /** Whether it is already there. Asked again after installing. */
  present: () => boolean;
}

/** Whether a shell command succeeds (exit code 0), its output ignored. */
export function commandSucceeds(command: string): boolean {
  try {
    execSync(command, { stdio: 'ignore', shell: '/bin/bash' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a font that covers Chinese is installed (`fc-list :lang=zh` lists one). Without one, browsers draw Chinese
 * in fallback boxes: readable by the tests, but not what a reader sees in screenshots.
 */
export function hasCjkFont(): boolean {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return false;
  }
}

/** A CJK font: Noto CJK from Debian. */
export const CJK_FONT: SystemNeed = { pkg: 'fonts-noto-cjk', present: hasCjkFont };

const canInstall = (): boolean =>
  typeof process.getuid === 'function' && process.getuid() === 0 && commandSucceeds('command -v apt-get');

/**
 * Makes sure every need is present: installs the missing packages together when root with apt-get, and returns
 * the packages still missing (empty when all is well) so the caller can fail or warn with `installHint`.
 */
export function ensureSystemPackages(needs: SystemNeed[]): string[] {
  const missing = () => needs.filter((need) => !need.present()).map((need) => need.pkg);
  const before = missing();
  if (before.length === 0 || !canInstall()) return before;
  console.log(`Installing the missing Debian packages: ${before.join(' ')}…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${before.join(' ')}`, {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
  return missing();
}

/** The command a person runs to install `packages` themselves. */
export const installHint = (packages: string[]): string => `sudo apt-get install ${packages.join(' ')}`;
