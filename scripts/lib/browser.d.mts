import type { BrowserContext } from 'playwright-core';

export declare const ROOT: string;
export declare const EXTENSION_DIR: string;
export declare function findChromium(options?: { install?: boolean }): string;
export declare function assertExtensionBuilt(extPath?: string): Record<string, unknown>;
export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  /**
   * Resolves once the background's install work is done (and `settleMs`, default 500, after);
   * throws after `timeoutMs` (default 20,000).
   */
  installed(settleMs?: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}
export declare function launchWithExtension(options: {
  /** null: the same browser without the extension. */
  extPath?: string | null;
  httpPort: number;
  httpsPort: number;
  headless?: boolean;
  executablePath?: string;
}): Promise<LaunchedBrowser>;
/** A headless browser for benchmarks, after the extension has installed (see browser.mjs). */
export declare function launchForBench(options: {
  withExtension: boolean;
  httpPort: number;
  httpsPort: number;
}): Promise<LaunchedBrowser>;
