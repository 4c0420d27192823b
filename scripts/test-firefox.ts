// `npm run test:firefox`: builds the Firefox package and runs the Firefox tests (tests/firefox) in Firefox ESR, or,
// where there is no Firefox, says so and skips them (`npm test` runs this last; `.ci/run` installs firefox-esr).
import { execSync } from 'node:child_process';
import { findFirefox } from './launch-firefox';

if (!findFirefox()) {
  console.log(
    'Skipping the Firefox tests: no Firefox here. Install it (Debian/Ubuntu: `sudo apt-get install firefox-esr`) ' +
      'or set FIREFOX_PATH, then run `npm run test:firefox`.',
  );
} else {
  execSync('npx wxt build -b firefox', { stdio: 'inherit' });
  execSync('npx vitest run --project firefox', { stdio: 'inherit' });
}
