/**
 * Where the content scripts run: X (and its old name, Twitter) and Facebook, every page. The
 * adapters decide which pages have comments to read; these patterns are also the extension's only
 * host access.
 */
export const SITE_MATCHES = [
  '*://x.com/*',
  '*://twitter.com/*',
  '*://*.x.com/*',
  '*://*.twitter.com/*',
  // Not m., mbasic. or touch.facebook.com: see PAGE_HOSTS in facebook.ts.
  '*://facebook.com/*',
  '*://www.facebook.com/*',
  '*://web.facebook.com/*',
];
