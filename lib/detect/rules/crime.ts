import { fold } from '../normalise';
import { rule, type MatchInput, type RawMatch } from '../rule';
import { protectedNameMatches } from './identify';
import { GROUPS } from './hate';

/**
 * The report-as-crime categories that need more than a word list: court order breaches,
 * grossly offensive communications, and persistent harassment by one author.
 */

const SEXUAL_OFFENCE = '(?:raped|sexually assaulted|sexually abused|abused|groomed|molested|assaulted|attacked|indecently assaulted|trafficked)';

/** Protected by law: naming a sexual-offence victim, a child in proceedings, or defying a restriction. */
const COURT_ORDER_RE = new RegExp(
  `(?<![a-z])(?:(?:the|that) (?:girl|boy|woman|lad|kid|child|victim|teenager|young girl|young lad|little girl|little boy|lass|teen) (?:who|that) (?:was|got|has been|were) ${SEXUAL_OFFENCE}(?: [a-z]+){0,3}? (?:is|was|'s|lives|goes)|(?:can't|cannot|can not|cant|not allowed to|aren't allowed to|not supposed to) name (?:him|her|them|the (?:kid|lad|boy|girl|victim|child))(?:,)? but (?:it's|its|it is|everyone knows|we all know|i know|he's|she's|his name|her name)|(?:the|that) (?:kid|child|boy|girl|lad|teenager|youth|young offender|15 year old|14 year old|16 year old|17 year old|13 year old) (?:in|from|at) (?:the )?(?:youth )?court(?: case)? (?:is|was|'s|lives)|(?:reporting restrictions?|anonymity order|court order|injunction)(?: or not| be damned| don't apply| doesn't apply|,)? (?:but |so )?(?:it's|its|his name is|her name is|the name is|everyone knows it's|here's (?:his|her) name))`,
  'g',
);

function courtOrderMatches(input: MatchInput): RawMatch[] {
  const out: RawMatch[] = [];
  for (const m of protectedNameMatches(input, ['protected-by-order'])) out.push({ ...m, confidence: 'high' });
  const text = input.folded.text;
  COURT_ORDER_RE.lastIndex = 0;
  for (let m = COURT_ORDER_RE.exec(text); m !== null; m = COURT_ORDER_RE.exec(text)) {
    out.push({ s: m.index, e: m.index + m[0].length, confidence: 'medium', vars: { name: 'someone protected by law', role: 'protected', caseRef: '' } });
  }
  // A named victim of a sexual offence, when the victim is in settings as a victim.
  for (const m of protectedNameMatches(input, ['victim'])) {
    const around = text.slice(Math.max(0, m.s - 80), m.e + 80);
    if (new RegExp(`(?:${SEXUAL_OFFENCE}|rape|sexual|grooming|abuse)`).test(around)) out.push({ ...m, confidence: 'high' });
  }
  return out;
}

/** Grossly offensive: sexual violence wished on people, mocking the dead or children, indecency. */
const GROSS_RE = new RegExp(
  `(?<![a-z])(?:(?:hope|hoping|wish|pray) (?:she|he|they|you|u|her|his|their|your|the [a-z]+|that [a-z]+)(?: [a-z]+)? (?:gets?|got|getting|is|are) (?:raped|gang ?raped|molested|sexually assaulted|abused|fucked|bummed|touched up)|(?:she|he|they|you|u) (?:should|deserves? to|needs? to|ought to) (?:be|get) (?:raped|gang ?raped|molested|sexually assaulted|fucked)|(?:deserved|asked for|was asking for) (?:to (?:be|get) )?(?:it|being|getting)? ?(?:raped|it)(?: (?:dressed|wearing|going out)[a-z ]*)?|(?:good riddance|glad (?:he's|she's|they're|hes|shes|he is|she is|they are) dead|one less|serves (?:him|her|them) right)(?:[ ,]+(?:to )?(?:him|her|them|that [a-z]+|the [a-z]+|scum|rubbish|another [a-z]+))?(?=[^.!?]{0,80}(?:dead|died|death|killed|kid|child|boy|girl|baby|victim|rip|funeral|passed))|(?:lol|haha|hahaha|lmao|😂)[^.!?]{0,30}(?:dead (?:kid|child|baby|boy|girl)|(?:he|she) died|got killed|was killed|drowned|burned to death)|(?:dead (?:kid|child|baby|boy|girl)|(?:he|she) died|got killed|drowned|burned to death)[^.!?]{0,30}(?:lol|haha|hahaha|lmao|😂)|child (?:porn|pornography|abuse images)|\\bcp (?:links?|videos?|pics)|(?:nudes|naked pics|pics|photos|videos) of (?:the |that )?(?:kid|child|girl|boy|little|underage|13|14|15) |(?:sexy|fit|hot|fuckable|shaggable) (?:little )?(?:kid|child|schoolgirl|schoolboy|girl of \\d+|\\d+ year old))`,
  'g',
);

/** Hoax emergency claims written as fact (a false communication): "there's a gunman in …". */
const HOAX_RE =
  /(?<![a-z])(?:(?:there's|there is|theres|there are) (?:a |an )?(?:gunman|gunmen|active shooter|shooter|bomber|suicide bomber|terrorist|terrorists|man with a gun|bomb|bombs) (?:in|at|on|inside|loose in)|(?:everyone|everybody|all) (?:evacuate|get out of|leave|run from) (?:the )?[a-z]+(?: [a-z]+)? (?:now|immediately|asap))(?![a-z])/g;

function grossMatches(input: MatchInput): RawMatch[] {
  const out: RawMatch[] = [];
  const text = input.folded.text;
  GROSS_RE.lastIndex = 0;
  for (let m = GROSS_RE.exec(text); m !== null; m = GROSS_RE.exec(text)) {
    out.push({ s: m.index, e: m.index + m[0].length });
  }
  HOAX_RE.lastIndex = 0;
  for (let m = HOAX_RE.exec(text); m !== null; m = HOAX_RE.exec(text)) {
    out.push({ s: m.index, e: m.index + m[0].length, confidence: 'medium' });
  }
  return out;
}

/** Words that make a message abusive when aimed at someone (for the persistence check). */
const ABUSIVE_WORDS = new RegExp(
  `(?<![a-z])(?:you(?:'re| are| r)?|ur|u|your|ya|him|her|he's|she's|hes|shes|they're|${GROUPS}) [^.!?]{0,40}?(?:scum|scumbag|idiot|moron|pathetic|worthless|disgusting|vile|cunt|twat|prick|bitch|slag|whore|nonce|paedo|pig|rat|snake|liar|waste of space|loser|clown|freak|dead|kill|hurt|stab|watch your back|useless|hate|ugly|fat)(?![a-z])|(?:fuck|fucking|f\\*\\*k|shut up|piss off|go away|get lost|nobody likes you|no one likes you|everyone hates)`,
);

/** Several abusive messages by the same author: persistent harassment. */
function persistentMatches(input: MatchInput): RawMatch[] {
  const recent = input.context.recentByAuthor;
  if (!recent || recent.length < 2) return [];
  const text = input.folded.text;
  if (!ABUSIVE_WORDS.test(text)) return [];
  let abusive = 0;
  for (const r of recent.slice(0, 30)) if (ABUSIVE_WORDS.test(fold(r).text)) abusive++;
  if (abusive < 2) return [];
  const original = input.folded.original;
  const lead = original.length - original.trimStart().length;
  return [{ s: lead, e: original.trimEnd().length, original: true, vars: { n: String(abusive + 1) } }];
}

export const crimeRules = [
  rule({
    id: 'crime.court-order',
    kind: 'custom',
    criterion: 'crime-court-order-breach',
    also: ['identifies-person'],
    confidence: 'high',
    suppress: ['negation', 'question', 'quoted'],
    explain: "Identifies {name}, who is protected by law: '{excerpt}'",
    match: courtOrderMatches,
    examples: {
      flag: [
        { text: 'Everyone knows it was Lily Marsh', context: { protectedNames: [{ name: 'Lily Marsh', role: 'protected-by-order', caseRef: 'T20260123' }] } },
        'the girl who was raped is Emma from Braunstone',
        "can't name him but it's the Jones lad from Eyres Monsell",
      ],
      noFlag: [
        'There is a reporting restriction, please do not name anyone',
        { text: 'Lily Marsh won the bake-off', context: { protectedNames: [{ name: 'Lily Marsh', role: 'witness' }] } },
      ],
    },
  }),
  rule({
    id: 'crime.grossly-offensive',
    kind: 'custom',
    criterion: 'crime-grossly-offensive',
    confidence: 'high',
    suppress: ['negation', 'quoted', 'condemn', 'news'],
    explain: "Grossly offensive, indecent or false: '{excerpt}'",
    match: grossMatches,
    examples: {
      flag: ['hope she gets raped', 'good riddance, one less scum, glad he is dead', "there's a gunman in Highcross, everyone get out now"],
      noFlag: ['Whoever did this to that child is evil', 'this traffic is f***ing ridiculous'],
    },
  }),
  rule({
    id: 'crime.persistent-harassment',
    kind: 'custom',
    criterion: 'crime-targeted-harassment-hate',
    confidence: 'medium',
    suppress: ['quoted', 'condemn'],
    explain: 'Abusive again: this author has posted {n} abusive messages on this page (persistent harassment)',
    match: persistentMatches,
    examples: {
      flag: [{ text: 'you are pathetic and everyone hates you', context: { recentByAuthor: ['you are a useless idiot', 'shut up you vile cow, you are scum'] } }],
      noFlag: [
        { text: 'you are pathetic', context: { recentByAuthor: ['where is this?', 'thanks for the update'] } },
        'you are pathetic',
      ],
    },
  }),
  rule({
    id: 'crime.extreme-slur',
    kind: 'lexicon',
    criterion: 'crime-grossly-offensive',
    confidence: 'medium',
    suppress: ['quoted', 'condemn'],
    explain: "Uses '{excerpt}', among the most offensive slurs there are",
    terms: ['nigger', 'niggers', 'kike', 'kikes', 'sand nigger', 'jungle bunny', 'porch monkey', 'golliwog', 'paki bashing', 'gas the jews', 'muzrat'],
    examples: {
      flag: ['filthy nigger', 'gas the jews'],
      noFlag: ['He called my son a "n*****", I have reported it', 'the word "kike" is vile, report it'],
    },
  }),
];
