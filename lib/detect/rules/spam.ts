import { fold } from '../normalise';
import { rule, type MatchInput, type RawMatch } from '../rule';

/**
 * Spam: website links, promotion, and the same message again. Links to official services
 * (police.uk, gov.uk, the NHS, Crimestoppers) and to posts on the platform itself are how the
 * public share appeals, so they are not spam.
 */

const OFFICIAL =
  /(?:^|\.)(?:police\.uk|gov\.uk|nhs\.uk|nhs\.net|crimestoppers-uk\.org|fearless\.org|victimsupport\.org\.uk|samaritans\.org|bbc\.co\.uk|bbc\.com|leicestermercury\.co\.uk|parliament\.uk|leicester\.gov\.uk)$/i;

/**
 * Links to the platforms themselves are usually someone sharing a post or tagging a page: still
 * links (the policy's first example of spam), but only worth a low-confidence note.
 */
const PLATFORM = /(?:^|\.)(?:facebook\.com|fb\.com|fb\.me|fb\.watch|x\.com|twitter\.com|t\.co)$/i;

const URL_RE =
  /(?<![\w@.-])(?:(?:https?:\/\/|www\.)[^\s<>"')]+|(?:t\.me|wa\.me)\/[^\s<>"')]+|[a-z0-9][a-z0-9-]{1,62}\.(?:com|co\.uk|org\.uk|net|org|info|biz|xyz|io|ly|me|shop|store|online|site|top|click|link|club|uk|tk|ru|cn|app|live|vip|win|bet|gg|tv|us|cc)(?:\/[^\s<>"')]*)?)(?![\w-])/gi;

function hostOf(url: string): string {
  const u = url.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  return (u.split(/[/?#:]/)[0] ?? '').toLowerCase();
}

function linkMatches(input: MatchInput): RawMatch[] {
  const text = input.folded.original;
  if (!/[./]/.test(text)) return [];
  const out: RawMatch[] = [];
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m !== null; m = URL_RE.exec(text)) {
    const url = m[0].replace(/[.,!?;:]+$/, '');
    const host = hostOf(url);
    if (OFFICIAL.test(host)) continue;
    // "e.g." or "St.Marys" are not links: a bare domain needs at least two letters before the dot.
    if (
      !/^https?:|^www\./i.test(url) &&
      !/^[a-z0-9-]{2,}\./i.test(host) &&
      !/^(?:t\.me|wa\.me|t\.ly)$/i.test(host)
    )
      continue;
    out.push({
      s: m.index,
      e: m.index + url.length,
      original: true,
      vars: { host },
      ...(PLATFORM.test(host) ? { confidence: 'low' as const } : {}),
    });
  }
  return out;
}

/** Normalise a message for repeat comparison: folded, no punctuation, no emoji, squeezed spaces. */
function repeatKey(s: string): string {
  return fold(s)
    .text.replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function wordSet(s: string): Set<string> {
  return new Set(s.split(' ').filter((w) => w.length > 1));
}

/** The same (or nearly the same) message as one the author posted recently. */
function repeatMatches(input: MatchInput): RawMatch[] {
  const recent = input.context.recentByAuthor;
  if (!recent || recent.length === 0) return [];
  const key = repeatKey(input.folded.original);
  if (key.length < 12) return []; // "thanks", "well done": short replies repeat innocently.
  const words = wordSet(key);
  let count = 0;
  for (const r of recent.slice(0, 50)) {
    const rk = repeatKey(r);
    if (rk === key) {
      count++;
      continue;
    }
    const rw = wordSet(rk);
    let inter = 0;
    for (const w of words) if (rw.has(w)) inter++;
    const jaccard = inter / (words.size + rw.size - inter || 1);
    if (jaccard >= 0.8) count++;
  }
  if (count === 0) return [];
  const text = input.folded.original;
  const lead = text.length - text.trimStart().length;
  return [
    {
      s: lead,
      e: text.trimEnd().length,
      original: true,
      confidence: 'high',
      vars: { times: String(count + 1) },
    },
  ];
}

export const spamRules = [
  rule({
    id: 'spam.link',
    needs: /https?:|www\.|[A-Za-z0-9]\.[A-Za-z]{2}/i,
    kind: 'custom',
    criterion: 'spam',
    confidence: 'medium',
    explain: "Links to a website ({host}): '{excerpt}'",
    match: linkMatches,
    examples: {
      flag: [
        'Make money fast at www.cash4u.biz',
        'check https://bit.ly/3xYz for free stuff',
        'cheapfollowers.shop',
      ],
      noFlag: [
        'Report it at police.uk',
        'see https://www.gov.uk/report-crime',
        'e.g. the one on St.Marys',
      ],
    },
  }),
  rule({
    id: 'spam.promotion.contact-me',
    anchors: ['dm', 'pm', 'inbox', 'message', 'msg', 'text', 'whatsapp', 'contact', 'hmu'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'spam',
    confidence: 'medium',
    suppress: ['negation', 'quoted'],
    explain: "Asks readers to get in touch privately (promotion): '{excerpt}'",
    pattern:
      /(?<![a-z])(?:(?:dm|pm|inbox|message|msg|text|whatsapp|contact|hmu) (?:me|us)(?: now| today| for| on| at|$|[.!,]))(?![a-z])/g,
    examples: {
      flag: ['DM me for cheap followers', 'whatsapp me now'],
      noFlag: ['Please message us through the website', "don't message me about this"],
    },
  }),
  rule({
    id: 'spam.promotion.engagement',
    anchors: [
      'check',
      'subscri*',
      'suscri*',
      'subcri*',
      'sub',
      'subs',
      'follow',
      'faf',
      'lal',
      'subasub',
      'sas',
      'like',
      'share',
      'thumbs',
      'channel',
      'video',
      'page',
      'profile',
      'music',
      'youtube',
      'google',
      'insta',
      'instagram',
      'facebook',
      'spotify',
      'soundcloud',
      'comment',
      'click',
      'bio',
    ],
    kind: 'pattern',
    on: 'folded',
    criterion: 'spam',
    confidence: 'medium',
    suppress: ['negation', 'quoted'],
    explain: "Self-promotion or engagement bait: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:(?:come |go |please |plz |pls )?check (?:out )?(?:this|my|our|the new|me|us|mine) (?:new |latest |first |awesome |cool |amazing )?(?:video|vid|channel|page|music|song|track|beats?|mixtape|album|cover|vlog|blog|gameplay|website|site|shop|store|profile|account|insta|youtube)s?|(?:subscri|suscri|subcri)[a-z]* (?:to |2 )?(?:my|me|our|mine|us)|(?:sub|follow|like|f|l|s) ?4 ?(?:sub|follow|like|f|l|s)(?![a-z])|(?:sub|follow) for (?:sub|follow)|like (?:this|my) comment|(?:like|share)(?: and | ?& ?)(?:share|like|subscribe)|thumbs up so (?:others|people|everyone)|(?:give|put) (?:it |this |my comment |me )?a (?:"?thumbs up|like)|my (?:new )?(?:youtube )?channel|our (?:youtube )?channel|(?:visit|see|watch) my (?:video|channel|page|profile|music)|look (?:me|us|her|him|it) up on (?:youtube|google|insta|instagram|facebook|spotify|soundcloud)|check out my|check my (?:page|profile|channel|bio|account|insta|ig|tiktok|onlyfans|site|website|shop|store|music|video|vids|new)|(?:visit|follow|sub to|subscribe to|like) my (?:page|profile|channel|account|site|website|shop|store|insta|ig|tiktok|youtube|music)|please (?:subscribe|sub|follow me|like and subscribe|check out)|(?:like|comment) and subscribe|subscribe (?:to|for) (?:my|more|me|our)|click (?:the |my )?(?:here|link)|link in (?:my |the )?bio)(?![a-z])/g,
    examples: {
      flag: ['check out my channel and subscribe!!', 'Follow 4 Follow', 'link in bio'],
      noFlag: [
        'Please share this appeal',
        'has anyone seen this dog?',
        "don't click links from strangers",
      ],
    },
  }),
  rule({
    id: 'spam.promotion.commerce',
    anchors: [
      'earn*',
      'money',
      'work',
      'passive',
      'crypto',
      'bitcoin',
      'btc',
      'forex',
      'nft',
      'investment',
      'iphone',
      'ipad',
      'gift',
      'giftcard',
      'voucher',
      'followers',
      'ps5',
      'giveaway',
      'likes',
      'views',
      'subs',
      'designer',
      'watches',
      'subscribers',
      'promo',
      'discount',
      'code',
      'off',
      'limited',
      'recover',
      'recovery',
      'helped',
      'recommend',
      'back',
      'prices',
      'price',
      'rates',
      'rate',
      'deals',
      'deal',
      'cheapest',
      'cash',
      'call',
      'callout',
      'delivery',
      'quote',
      'quotes',
      'consultation',
      'condition',
      'sugar',
      'returns',
      'return',
      'profit',
      'join',
      'grow',
      'boost',
      'whatsapp',
      'telegram',
      'instagram',
      'ig',
      'trading',
      'invested',
      'investing',
      'follow',
      'dm',
      'allowance',
      'onlyfans',
      'locksmith',
      'plumber',
      'service',
      'day',
      'week',
      'month',
    ],
    kind: 'pattern',
    on: 'folded',
    criterion: 'spam',
    confidence: 'medium',
    suppress: ['negation', 'quoted'],
    explain: "Money-making offer or advert: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:earn (?:£|\$|up to |over )?\d[\d,]*(?:k)?(?: (?:pounds|dollars|quid|a day|per day|a week|per week|weekly|daily|from home))?|(?:make|making|made) (?:£|\$)?\d[\d,]*k? (?:a|per) (?:day|week|month) |(?:make|earn) money (?:online|from home|fast|easily)|work from home|passive income|(?:crypto|bitcoin|btc|forex|nft) (?:invest|investment|trading|trader|mining|signals|expert|profit|opportunit)[a-z]*|investment opportunit[a-z]+|(?:free|win a|won a) (?:iphone|ipad|gift card|giftcard|voucher|followers|ps5)|giveaway|cheap (?:followers|likes|views|subs|designer|watches)|(?:buy|get) (?:followers|likes|views|subscribers)|promo code|discount code|use (?:my )?code [a-z0-9]+|(?<!\d)\d{1,2}% off|limited time offer|(?:recover|recovery of) (?:your |hacked )?(?:account|funds|lost funds|crypto)|(?:hacker|expert) (?:who|that) helped me|i (?:highly )?recommend (?:mr|mrs|ms|dr|hacker)|(?:got|get) my (?:account|money|funds) back|(?:best|cheapest|lowest) (?:prices?|rates?|deals?)(?: in| around)?|cheapest in [a-z]+|cash for (?:cars|gold|houses|scrap)|(?:free|no) (?:call[- ]?out|delivery|quote|quotes|consultation)(?: fee| charge)?|any condition|sugar (?:daddy|baby|mummy|babies)|(?<!\d)\d{1,3}% (?:win rate|returns?|profit)|join (?:via|my|our) (?:group|channel|telegram|whatsapp)|join via|(?:buy|get) \d[\d,]* (?:instagram |insta |tiktok |youtube |facebook )?(?:likes|followers|views|subs|subscribers)|(?:grow|boost) your (?:account|followers|page|business|following)|(?:contact|message|text|call|ring) (?:her|him) (?:on|via) (?:whatsapp|telegram|instagram|ig)|(?:trading|invested|investing) (?:crypto|bitcoin|forex) with|follow @[a-z0-9_]+ for (?:bargains|deals|offers|giveaways|cheap|discounts|freebies|free|money|cash|tips|signals|profits)|need followers|dm for (?:prices|info|details|more)|(?:weekly|daily|monthly) allowance|onlyfans|24\/7 (?:locksmith|plumber|service|recovery))(?![a-z])/g,
    examples: {
      flag: [
        'earn £500 a day from home',
        'Crypto investment opportunity, message me',
        'Cash for cars, any condition',
      ],
      noFlag: ['Police are warning about crypto scams', 'Where is the best place to park?'],
    },
  }),
  rule({
    id: 'spam.repeated-message',
    kind: 'custom',
    criterion: 'spam',
    confidence: 'high',
    explain: 'The same message again from this author ({times} times on this page)',
    match: repeatMatches,
    examples: {
      flag: [
        {
          text: 'Follow my page for updates on the case!!',
          context: { recentByAuthor: ['follow my page for updates on the case'] },
        },
      ],
      noFlag: [
        { text: 'Thank you!', context: { recentByAuthor: ['thank you'] } },
        {
          text: 'Thank you for the update, officers',
          context: { recentByAuthor: ['Where did this happen?'] },
        },
      ],
    },
  }),
];
