import { defineConfig } from 'vitest/config';

// Real-browser tests against the built extension (.output/chrome-mv3). `npm test` builds first;
// on their own: `npx wxt build && npx vitest run --config vitest.browser.config.ts`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    // One Chromium at a time: each file launches its own, and the machines this runs on are small.
    fileParallelism: false,
    retry: 0,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
