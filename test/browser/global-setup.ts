import { assertExtensionBuilt, findChromium } from '../../scripts/lib/browser.mjs';

/** Fail once, with the fix, rather than once per test file. */
export default function setup(): void {
  assertExtensionBuilt();
  findChromium({ install: false });
}
