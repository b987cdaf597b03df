export default defineContentScript({
  matches: ['*://x.com/*', '*://twitter.com/*', '*://*.x.com/*', '*://*.twitter.com/*', '*://*.facebook.com/*'],
  main() {},
});
