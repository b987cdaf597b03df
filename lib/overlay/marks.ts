/**
 * The performance mark the content script sets in the page's timeline when it starts on a page.
 * DevTools shows it; `npm run bench:page` counts long tasks from it as possibly the extension's.
 */
export const START_MARK = 'moderator-assist:start';
