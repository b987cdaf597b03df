import { defineContentScript } from 'wxt/utils/define-content-script';
import { addPageStyle } from '@/lib/overlay/styles';
import { SITE_MATCHES } from '@/lib/sites/matches';

/**
 * Puts the overlay's page styles (outlines and `::highlight()` rules, lib/overlay/styles.ts) in
 * the document before the site builds it. Added later, to a finished feed, the same stylesheet
 * makes the browser restyle every element of the page at once: ~135 ms on a 2,000-comment post,
 * all of it one long task. Here it costs nothing. The main content script takes it out when the
 * overlay is switched off on the site, and puts it back when switched on.
 */
export default defineContentScript({
  runAt: 'document_start',
  matches: SITE_MATCHES,
  main() {
    addPageStyle(document);
  },
});
