import { sentenceOf } from '../context';
import { rule, type MatchInput, type RawMatch } from '../rule';
import { protectedNameMatches } from './identify';

/**
 * An officer or member of staff identified in a way that affects their safety, threatens them,
 * is grossly derogatory or untrue. Naming an officer is not enough: thanks and neutral mentions
 * are how the public talk about their police.
 */

/** Rank or role with a name or number: "PC 1234", "DS Smith", "Sergeant Jones", "collar number 567". */
const OFFICER_RE =
  /(?<![a-z])(?:(?:pc|wpc|dc|ds|di|dci|dsu|sgt|sergeant|serjeant|inspector|insp|ch insp|chief inspector|superintendent|supt|ch supt|chief superintendent|constable|detective constable|detective sergeant|detective inspector|detective chief inspector|pcso|special constable|sc|officer|ps|acc|dcc)\.? (?:[a-z][a-z'-]+|\d{2,5})(?: [a-z][a-z'-]+)?|(?:pc|wpc|dc|ds|pcso|ps|sgt)\.?\d{2,5}|(?:collar|shoulder|badge|warrant|epaulette) (?:number|no\.?|num|#)? ?\d{2,5}|(?:copper|cop|officer|pig|plod) (?:called|named) [a-z][a-z'-]+)(?![a-z])/g;

const NOT_A_NAME = new Set([
  'the',
  'and',
  'was',
  'is',
  'who',
  'that',
  'on',
  'at',
  'in',
  'for',
  'to',
  'of',
  'a',
  'an',
  'he',
  'she',
  'they',
  'has',
  'had',
  'will',
  'said',
  'says',
  'just',
  'were',
  'are',
  'came',
  'attended',
  'arrived',
  'stopped',
  'told',
  'asked',
  'helped',
  'with',
  'from',
  'said',
  'there',
  'here',
  'did',
  "didn't",
  'i',
  'we',
  'you',
]);

/** What makes a mention unsafe: where they live, family, threats, gross abuse, allegations stated as fact. */
const UNSAFE =
  /(?<![a-z])(?:lives? (?:at|in|on|round|near|down|by)|address|home|house|where (?:he|she|they) (?:lives?|sleeps?|drinks|goes)|i know where|his (?:wife|kids|children|missus|family|son|daughter|car)|her (?:husband|kids|children|family|son|daughter|car)|follow(?:ed)? (?:him|her|them) home|after (?:his|her|their) shift|off duty|wait for (?:him|her|them)|find (?:him|her|them)|bent|corrupt|on the take|takes? bribes|took bribes|plant(?:s|ed)? (?:evidence|drugs)|fit(?:ted)? (?:me|him|her|people) up|lied (?:in court|under oath)|liar|lying|assaulted|beat (?:me|him|her|my)|drunk on duty|drink driver|wife beater|racist|nonce|paedo|pedo|rapist|thug|scum|scumbag|pig|pigs|filth|cunt|c\*nt|twat|wanker|prick|bastard|dickhead|fat (?:pig|bastard|cow|slag)|slag|bitch|whore|dead|kill|stab|shoot|batter|smash|hurt|get (?:him|her|them)|sort (?:him|her|them) out|watch (?:his|her|their) back|deserves? (?:a|to)|hope (?:he|she) (?:gets|dies)|(?:'s|s') (?:wife|husband|kids|children|family|son|daughter|car|house|address|partner|missus|mum|dad)|(?:kids|children|son|daughter|wife|husband) (?:go|goes|went|works?|drives?|parks?)|which school|starts? (?:his|her|their) shift|parks? (?:on|in|at|outside)|drives? (?:a|an|the) [a-z]+|where (?:he|she|they) (?:parks?|drinks?|gyms?|lives?)|pay (?:him|her|them) a visit|a visit|find out where|get the reg|(?:takes|took|taking) (?:backhanders|kickbacks|bungs)|lies|lied|lying|fabricat[a-z]*|fitted (?:me|him|her|my [a-z]+) up|fit (?:me|him|her|my [a-z]+) up|delet(?:ed|es|ing) (?:the )?(?:bodycam|body cam|footage|evidence)|cover(?:ed|ing)? for|drinks? on duty|drunk|thieving|nicked|stole|steals|useless|thick|ugly|waste of (?:oxygen|space|skin)|fat|cow|stabbed|shot|beaten|deserves?|should be|watch (?:your|ur) back|seen your|i'll be waiting|waiting for you|after your shift)(?![a-z])/;

const PRAISE =
  /(?<![a-z])(?:thank|thanks|cheers|well done|great job|brilliant|amazing|credit to|hero|kind|helpful|lovely|professional|respect to|shout ?out)(?![a-z])/;
const COMPLAINT_ROUTE =
  /(?<![a-z])(?:complain|complaint|iopc|professional standards|psd|how do i report|who do i speak to)(?![a-z])/;

function officerMatches(input: MatchInput): RawMatch[] {
  const text = input.folded.text;
  const mentions: RawMatch[] = [];
  OFFICER_RE.lastIndex = 0;
  for (let m = OFFICER_RE.exec(text); m !== null; m = OFFICER_RE.exec(text)) {
    const words = m[0].split(/\s+/);
    const last = words[words.length - 1] ?? '';
    const second = words[1] ?? '';
    // "officer attended", "PC was": a rank followed by an ordinary word is not a person.
    if (!/\d/.test(m[0]) && NOT_A_NAME.has(second)) continue;
    if (!/\d/.test(m[0]) && words.length === 2 && NOT_A_NAME.has(last)) continue;
    // Drop a trailing ordinary word the optional surname slot took ("PC 4471 is").
    let end = m.index + m[0].length;
    if (words.length === 3 && NOT_A_NAME.has(last)) end -= last.length + 1;
    mentions.push({ s: m.index, e: end });
  }
  for (const m of protectedNameMatches(input, ['officer'])) mentions.push(m);
  const out: RawMatch[] = [];
  for (const m of mentions) {
    const [a, b] = sentenceOf(input.folded, m.s, m.e);
    const sentence = text.slice(a, b);
    if (!UNSAFE.test(sentence)) continue;
    if (
      COMPLAINT_ROUTE.test(sentence) &&
      !/(?:kill|stab|shoot|lives|address|i know where)/.test(sentence)
    )
      continue;
    if (
      PRAISE.test(sentence) &&
      !/(?:kill|stab|shoot|lives|address|i know where|bent|corrupt)/.test(sentence)
    )
      continue;
    out.push({ ...m, vars: { name: text.slice(m.s, m.e) } });
  }
  return out;
}

export const officerRules = [
  rule({
    id: 'officer.unsafe-identification',
    contextual: true,
    anchors: [
      'pc*',
      'wpc*',
      'dc*',
      'ds*',
      'di',
      'dsu',
      'sgt*',
      'sergeant',
      'serjeant',
      'inspector',
      'insp',
      'ch',
      'chief',
      'superintendent',
      'supt',
      'constable',
      'detective',
      'pcso',
      'special',
      'sc',
      'officer',
      'ps*',
      'acc',
      'collar',
      'shoulder',
      'badge',
      'warrant',
      'epaulette',
      'copper',
      'cop',
      'pig',
      'plod',
    ],
    kind: 'custom',
    criterion: 'identifies-officer',
    confidence: 'high',
    suppress: ['negation', 'quoted', 'news'],
    explain:
      "Identifies an officer ('{excerpt}') alongside a threat, abuse, their home or family, or an allegation",
    match: officerMatches,
    examples: {
      flag: [
        'PC 4471 is bent and takes bribes',
        'I know where DS Harper lives, his kids go to the school round the corner',
        'Sergeant Wilkins is a fat pig',
        {
          text: 'Amy Cole lives on Oak Street',
          context: { protectedNames: [{ name: 'Amy Cole', role: 'officer' }] },
        },
      ],
      noFlag: [
        'Thanks to PC Patel for her help today',
        'DS Khan is leading the enquiry',
        'I want to complain about PC 1234, how do I do that?',
        'The officer attended quickly',
      ],
    },
  }),
];
