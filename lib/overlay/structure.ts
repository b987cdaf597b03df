/**
 * The shape of a page with everything anyone wrote taken out, for a moderator to send to the
 * Digital Media Team when the overlay cannot read a page: one line per element with its depth,
 * tag name, ARIA role, `data-testid` and `aria-level`, and nothing else. No text, links, labels,
 * class names or ids.
 *
 * Every value printed comes from a closed vocabulary, so nothing a person wrote can be printed
 * even where a site puts it in an attribute we do print: X's test ids carry handles and account
 * ids (`UserAvatar-Container-<handle>`, `<id>-follow`), so a test id is printed only when it is
 * one of the known ones below (with its personal part replaced by `*`), else `?`; a role that is
 * not an ARIA role and a tag that is not an HTML or SVG element print as `?`.
 */

export interface StructureLimits {
  /** Elements listed at most; the rest are counted, not listed. */
  maxNodes: number;
  /** Levels below the root listed at most; deeper elements are counted, not listed. */
  maxDepth: number;
}

export const STRUCTURE_LIMITS: StructureLimits = { maxNodes: 5000, maxDepth: 80 };

export interface Structure {
  lines: string[];
  /** Elements left out by the limits. */
  leftOut: number;
  /** Whether the node limit, the depth limit, or both were reached. */
  hitNodes: boolean;
  hitDepth: boolean;
}

const TAGS = new Set(
  (
    'a abbr address article aside audio b bdi bdo blockquote body br button canvas caption cite ' +
    'code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset ' +
    'figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html i iframe img input ins ' +
    'kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option ' +
    'output p picture pre progress q rp rt ruby s samp script search section select slot small ' +
    'source span strong style sub summary sup table tbody td template textarea tfoot th thead time ' +
    'title tr track u ul var video wbr svg g path circle ellipse line polygon polyline rect image ' +
    'use defs mask clippath lineargradient radialgradient stop symbol text tspan foreignobject'
  ).split(' '),
);

const ROLES = new Set(
  (
    'alert alertdialog application article banner blockquote button caption cell checkbox code ' +
    'columnheader combobox complementary contentinfo definition deletion dialog directory document ' +
    'emphasis feed figure form generic grid gridcell group heading img image insertion link list ' +
    'listbox listitem log main mark marquee math menu menubar menuitem menuitemcheckbox ' +
    'menuitemradio meter navigation none note option paragraph presentation progressbar radio ' +
    'radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider ' +
    'spinbutton status strong subscript superscript switch tab table tablist tabpanel term textbox ' +
    'time timer toolbar tooltip tree treegrid treeitem'
  ).split(' '),
);

/** Test ids the sites use for structure (X's, as of 2025–26), printed as they are. */
const TEST_IDS = new Set([
  'AppTabBar_DirectMessage_Link',
  'AppTabBar_Explore_Link',
  'AppTabBar_Home_Link',
  'AppTabBar_More_Menu',
  'AppTabBar_Notifications_Link',
  'AppTabBar_Profile_Link',
  'BottomBar',
  'DMDrawer',
  'DMDrawerHeader',
  'GrokDrawer',
  'GrokDrawerHeader',
  'SearchBox_Search_Input',
  'SideNav_AccountSwitcher_Button',
  'SideNav_NewTweet_Button',
  'Tweet-User-Avatar',
  'User-Name',
  'UserCell',
  'activeRoute',
  'app-bar-back',
  'app-text-transition-container',
  'bookmark',
  'caret',
  'card.wrapper',
  'cellInnerDiv',
  'conversation',
  'icon-verified',
  'inline_reply_offscreen',
  'like',
  'logged_out_read_replies_pivot',
  'longformRichTextComponent',
  'markdown-code-block',
  'placementTracking',
  'primaryColumn',
  'removeBookmark',
  'reply',
  'retweet',
  'sidebarColumn',
  'trend',
  'tweet',
  'tweet-text-show-more-link',
  'tweetButtonInline',
  'tweetPhoto',
  'tweetText',
  'tweetTextarea_0',
  'twitter-article-title',
  'twitterArticleReadView',
  'twitterArticleRichTextView',
  'unlike',
  'unretweet',
  'userFollowIndicator',
  'videoComponent',
  'videoPlayer',
]);

/** Known test ids with a personal part (a handle, an account id), printed with `*` for it. */
const TEST_ID_PATTERNS: [RegExp, string][] = [
  [/^UserAvatar-Container-/, 'UserAvatar-Container-*'],
  [/^\d+-follow$/, '*-follow'],
  [/^\d+-unfollow$/, '*-unfollow'],
];

/** Elements whose insides say nothing about the page's structure. */
const LEAVES = new Set(['svg', 'script', 'style', 'noscript', 'template']);

function tagOf(el: Element): string {
  const tag = el.tagName.toLowerCase();
  return TAGS.has(tag) ? tag : '?';
}

function roleOf(el: Element): string | undefined {
  const role = el.getAttribute('role');
  if (role === null) return undefined;
  return ROLES.has(role) ? role : '?';
}

function testIdOf(el: Element): string | undefined {
  const id = el.getAttribute('data-testid');
  if (id === null) return undefined;
  if (TEST_IDS.has(id)) return id;
  return TEST_ID_PATTERNS.find(([pattern]) => pattern.test(id))?.[1] ?? '?';
}

function levelOf(el: Element): string | undefined {
  const level = el.getAttribute('aria-level');
  if (level === null) return undefined;
  return /^\d{1,2}$/.test(level) ? level : '?';
}

function line(el: Element, depth: number): string {
  let out = `${depth} ${tagOf(el)}`;
  const role = roleOf(el);
  const testId = testIdOf(el);
  const level = levelOf(el);
  if (role) out += ` role=${role}`;
  if (testId) out += ` testid=${testId}`;
  if (level) out += ` level=${level}`;
  return out;
}

/**
 * Lists `root` and the elements under it in document order, depth first, within `limits`.
 * `skip` leaves out an element and everything in it (the overlay's own elements).
 *
 * @example
 * pageStructure(document.body).lines; // ['0 body', '1 div role=main', '2 div role=article', …]
 */
export function pageStructure(
  root: Element,
  limits: StructureLimits = STRUCTURE_LIMITS,
  skip: (el: Element) => boolean = () => false,
): Structure {
  const lines: string[] = [];
  let leftOut = 0;
  let hitNodes = false;
  let hitDepth = false;
  // Iterative: a page can nest deeply enough to overflow a recursive walk.
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (skip(el)) continue;
    if (depth > limits.maxDepth || lines.length >= limits.maxNodes) {
      if (depth > limits.maxDepth) hitDepth = true;
      else hitNodes = true;
      leftOut += 1 + el.getElementsByTagName('*').length;
      continue;
    }
    lines.push(line(el, depth));
    if (LEAVES.has(el.tagName.toLowerCase())) continue;
    const children = Array.from(el.children);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push([children[i]!, depth + 1]);
  }
  return { lines, leftOut, hitNodes, hitDepth };
}
