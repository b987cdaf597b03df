import { fold } from '../normalise';
import { escapeRe, rule, type MatchInput, type RawMatch } from '../rule';
import type { ProtectedName, ProtectedRole } from '../types';

/**
 * Identification of people: protected names from settings, personal details (UK postcodes,
 * addresses, phone numbers, emails, vehicle registrations) and the indirect ways people are
 * pointed at (school, workplace, relationship to someone involved).
 */

const ROLE_WORDS: Record<ProtectedRole, string> = {
  victim: 'a victim',
  witness: 'a witness',
  suspect: 'a suspect',
  officer: 'an officer',
  'protected-by-order': 'protected by a court order',
};

/** Compiled name patterns, cached per names array (settings change rarely, texts often). */
const nameCache = new WeakMap<ProtectedName[], Array<{ entry: ProtectedName; re: RegExp }>>();

function namePatterns(names: ProtectedName[]) {
  let list = nameCache.get(names);
  if (list) return list;
  list = [];
  for (const entry of names) {
    const forms = [entry.name, ...(entry.variants ?? [])]
      .map((n) => fold(n).text.trim().replace(/\s+/g, ' '))
      .filter((n) => n.length >= 2);
    if (forms.length === 0) continue;
    // Longest first so "Jane Doe" wins over "Jane"; spaces match any gap; possessive allowed.
    const body = [...new Set(forms)]
      .sort((a, b) => b.length - a.length)
      .map((n) => n.split(' ').map(escapeRe).join('[^a-z0-9]{1,3}'))
      .join('|');
    list.push({ entry, re: new RegExp(`(?<![a-z0-9])(?:${body})(?:'s|s')?(?![a-z0-9])`, 'g') });
  }
  nameCache.set(names, list);
  return list;
}

/** Matches of the context's protected names with the given roles. */
export function protectedNameMatches(
  input: MatchInput,
  roles: readonly ProtectedRole[],
): RawMatch[] {
  const names = input.context.protectedNames;
  if (!names || names.length === 0) return [];
  const out: RawMatch[] = [];
  for (const { entry, re } of namePatterns(names)) {
    if (!roles.includes(entry.role)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(input.folded.text); m !== null; m = re.exec(input.folded.text)) {
      out.push({
        s: m.index,
        e: m.index + m[0].length,
        vars: {
          name: entry.name,
          role: ROLE_WORDS[entry.role],
          caseRef: entry.caseRef ? ` in case ${entry.caseRef}` : '',
        },
      });
    }
  }
  return out;
}

/** Phone numbers people are told to ring; posting them identifies nobody. */
const PUBLIC_NUMBERS =
  /^(?:0800\s?555\s?111|0300\s?123\s?1111|0800\s?1111|116\s?123|0808\s?2000\s?247|0800\s?789\s?321)$/;

/** Words that make a personal detail point at someone involved in an incident. */
export const INVOLVED =
  '(?:victim|victims|witness|witnesses|suspect|suspects|offender|attacker|attackers|accused|defendant|perp|perpetrator|culprit|robber|burglar|thief|mugger|rapist|killer|stabber|dealer|driver|nonce|paedo|grass|the one who|the lad who|the girl who|the boy who|the man who|the woman who|the guy who|the bloke who|the kid who|the one that|the lad that|the girl that|the guy that|who did (?:it|this)|did it|done it|was involved|got stabbed|got attacked|was attacked|was stabbed|was assaulted|was raped|was robbed|grassed|reported (?:him|her|them)|called the police|rang the police|was arrested|got arrested|been arrested|is responsible|was responsible|behind (?:it|this))';

const SCHOOL =
  "(?:(?:st|saint)\\.? [a-z']+(?:'s)?(?: (?:c of e|rc|catholic|church of england|ce))?(?: primary| junior| infants?| high| secondary| academy| college| school)+|[a-z]+(?: [a-z]+){0,2} (?:primary|junior|infant|infants|secondary|high|grammar|community|upper|village) (?:school|academy|college)|[a-z]+(?: [a-z]+){0,2} (?:academy|college|sixth form|primary))";

export const identifyRules = [
  rule({
    id: 'identify.protected-name',
    kind: 'custom',
    criterion: 'identifies-person',
    confidence: 'high',
    explain: "Names '{excerpt}', listed as {role}{caseRef}",
    match: (input) =>
      protectedNameMatches(input, ['victim', 'witness', 'suspect', 'protected-by-order']),
    examples: {
      flag: [
        {
          text: "It was Jane Doe's brother who saw it all",
          context: { protectedNames: [{ name: 'Jane Doe', role: 'witness', caseRef: '24/1234' }] },
        },
      ],
      noFlag: [
        {
          text: 'Jane from the bakery says hello',
          context: { protectedNames: [{ name: 'Jane Doe', role: 'witness' }] },
        },
        "It was Jane Doe's brother who saw it all",
      ],
    },
  }),
  rule({
    id: 'identify.postcode',
    needs: /\d ?[A-Za-z]{2}(?![A-Za-z])/,
    kind: 'pattern',
    on: 'original',
    criterion: 'identifies-person',
    confidence: 'medium',
    explain: "Gives a full postcode, '{excerpt}', which can point to someone's home",
    pattern:
      /(?<![A-Za-z0-9])(?:[A-PR-UWYZa-pr-uwyz][A-HK-Ya-hk-y]?\d[A-Za-z\d]? ?\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![A-Za-z0-9])/g,
    exclude: /^\d/,
    unless:
      /(?:police station|station is|tip|recycling centre|open day|venue|event|drop[- ]in|held at|takes place|taking place|court|hospital|surgery|community centre)/,
    examples: {
      flag: ['he lives at LE2 3AB', 'try le5 4pw, the one with the blue door'],
      noFlag: ['The drop-in is held at Mansfield House, LE1 3GG', 'LE2 is a big area'],
    },
  }),
  rule({
    id: 'identify.street-address',
    needs:
      /\d[A-Za-z]?,? [^]{0,60}?(?:road|rd|street|st|avenue|ave|lane|ln|close|cl|drive|dr|way|crescent|cres|court|ct|place|pl|gardens|gdns|terrace|grove|walk|mews|square|sq|rise|hill|row|parade|gate|croft|fields|vale|view)(?![a-z])/i,
    kind: 'pattern',
    on: 'original',
    criterion: 'identifies-person',
    confidence: 'medium',
    explain: "Gives a street address, '{excerpt}'",
    pattern:
      /(?<![A-Za-z0-9£$])(?:(?:flat|apartment|apt|unit)\.? ?\d{1,4}[a-zA-Z]?,? )?(?:no\.? ?|number )?\d{1,4}[a-zA-Z]?,? (?:[A-Z][a-zA-Z'-]+|[a-z][a-z'-]{2,}) (?:(?:[A-Z][a-zA-Z'-]+|[a-z][a-z'-]{2,}) ){0,2}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Gardens|Gdns|Terrace|Grove|Walk|Mews|Square|Sq|Rise|Hill|Row|Parade|Gate|Croft|Fields|Vale|Park Road|View)(?![A-Za-z])/gi,
    exclude:
      /^\d+[a-zA-Z]?,?\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|miles?|mph|people|officers|cars|times|of|on|at|in|the|a|and|or|to|from|for|with|down|up|past|near|by|along)\b/i,
    unless:
      /(?:police station|station is|tip|recycling centre|open day|venue|event|drop[- ]in|held at|takes place|taking place|magistrates|crown court|hospital|surgery|community centre|road closed|closure|diversion|collision on|accident on|crash on|avoid)/,
    examples: {
      flag: ['the dealer lives at 14 Elm Road', 'its number 22 belgrave gate, flat 3'],
      noFlag: [
        'avoid London Road, crash',
        'waited 20 minutes on Narborough Road',
        'The open day is at 1 Station Road',
      ],
    },
  }),
  rule({
    id: 'identify.phone',
    needs: /\d{3}/,
    kind: 'pattern',
    on: 'original',
    criterion: 'identifies-person',
    confidence: 'medium',
    explain: "Gives a phone number, '{excerpt}'",
    pattern:
      /(?<![\d+])(?:(?:\+44\s?\(?0?\)?\s?|0)(?:7\d{3}\s?\d{3}\s?\d{3}|1\d{2,3}\s?\d{3}\s?\d{3,4}|2\d\s?\d{4}\s?\d{4}|1\d{3}\s?\d{5,6}))(?!\d)/g,
    exclude: PUBLIC_NUMBERS,
    examples: {
      flag: ['his number is 07700 900123, ring him', 'call her on 0116 496 0123'],
      noFlag: ['Call Crimestoppers on 0800 555 111', 'ring 101 or 999 in an emergency'],
    },
  }),
  rule({
    id: 'identify.phone-international',
    needs: /\d{2,4}[\s.)-]+\d{2,4}[\s.-]+\d{2,4}/,
    kind: 'pattern',
    on: 'original',
    criterion: 'identifies-person',
    confidence: 'medium',
    explain: "Gives what looks like a phone number, '{excerpt}'",
    // Other countries' formats: groups of digits joined by spaces, dots or dashes, 9 to 13 digits
    // in all (the UK formats have their own rule). Dates and sums of money have fewer digits.
    pattern:
      /(?<![\d+\w/])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}(?![\d/\w])/g,
    // UK numbers (starting 0) are the UK rule's, with its list of public numbers.
    exclude: /^(?!(?:\D*\d){9,13}\D*$)|^(?:19|20)\d\d[\s.-]|^0/,
    examples: {
      flag: ['call him on 905-674-3793', 'his number is +1 (555) 010-4477', 'ring 60-56-85-91-22'],
      noFlag: ['it happened on 12-05-2024', 'between 2018-2019 and 2020', 'score was 3-2'],
    },
  }),
  rule({
    id: 'identify.email',
    needs: /[A-Za-z0-9._%+-]@[A-Za-z0-9-]+\./,
    kind: 'pattern',
    on: 'original',
    criterion: 'identifies-person',
    confidence: 'medium',
    explain: "Gives an email address, '{excerpt}'",
    pattern:
      /(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,5}(?![\w-])/g,
    exclude: /@(?:[a-z0-9-]+\.)*(?:police\.uk|gov\.uk|nhs\.(?:uk|net)|crimestoppers-uk\.org)$/i,
    examples: {
      flag: ['email him at dave.smith77@gmail.com'],
      noFlag: ['email digital.media@leics.police.uk for advice', 'tag @someone'],
    },
  }),
  rule({
    id: 'identify.vehicle-registration',
    needs: /\d ?[A-Z]{3}/,
    kind: 'pattern',
    on: 'original',
    criterion: 'identifies-person',
    confidence: 'medium',
    explain: "Gives a vehicle registration, '{excerpt}'",
    pattern:
      /(?<![A-Za-z0-9])(?:[A-Z]{2}(?:0[2-9]|[1-7]\d)\s?[A-Z]{3}|[A-HJ-PR-Y]\d{1,3}\s?[A-Z]{3})(?![A-Za-z0-9])/g,
    exclude: /^(?:[A-Z]\d{1,3}\s?(?:AND|THE|FOR|YOU|ARE|WAS|NOT|BUT|ALL)|[A-Z]\d{3}[A-Z]{3})$/,
    examples: {
      flag: ['the car was AB12 CDE, a silver Corsa', 'reg is BD51 SMR'],
      noFlag: ['Police are looking for a silver Corsa', 'M1 J21 closed'],
    },
  }),
  rule({
    id: 'identify.school',
    anchors: [
      'primary',
      'junior',
      'infant',
      'infants',
      'high',
      'secondary',
      'academy',
      'college',
      'school',
      'sixth',
      'grammar',
    ],
    kind: 'pattern',
    on: 'folded',
    criterion: 'identifies-person',
    confidence: 'medium',
    explain: "Points to where someone involved goes to school: '{excerpt}'",
    pattern: new RegExp(
      `(?<![a-z])(?:goes to|go to|went to|attends|attended|is at|pupil at|student at|in year \\d+ at|year \\d+ at|studies at|from|at) ${SCHOOL}(?![a-z])`,
      'g',
    ),
    requires: new RegExp(
      `(?<![a-z])(?:${INVOLVED}|recogni[sz]e|in the (?:cctv|photo|picture|video|appeal|footage)|(?:he|she|they|him|her|his|them)\\b[^.!?]{0,60}(?:did|done|involved|stabbed|attacked|robbed|threw|hit|started|nicked|stole|arrested|responsible)|(?:did|done|involved|stabbed|attacked|robbed|threw|hit|started|nicked|stole|arrested)[^.!?]{0,60}(?:he|she|they) (?:goes|go|went|attends|is))`,
    ),
    unless:
      /(?<![a-z])(?:my (?:son|daughter|kids?|child|children|boy|girl|grandson|granddaughter)|our (?:son|daughter|kids?|child|children)|i (?:go|went|teach|work)|is (?:the )?school safe|parents? (?:evening|meeting))/,
    suppress: ['question', 'news'],
    examples: {
      flag: [
        'the lad who did it goes to Beaumont Leys Academy',
        'she was the witness, she attends St Mary’s Primary',
      ],
      noFlag: [
        'My son goes to St Mary’s Primary, is the school safe?',
        'Well done to Beaumont Leys Academy for the fundraiser',
      ],
    },
  }),
  rule({
    id: 'identify.workplace',
    anchors: [
      'work*',
      'landlady',
      'landlord',
      'manager',
      'owner',
      'barmaid',
      'barman',
      'cleaner',
      'receptionist',
      'manageress',
      'chef',
      'cook',
      'bouncer',
      'caretaker',
      'teacher',
      'nurse',
    ],
    kind: 'pattern',
    on: 'folded',
    criterion: 'identifies-person',
    confidence: 'medium',
    explain: "Points to where someone involved works: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:(?:the (?:lad|guy|bloke|man|woman|girl|boy|one|victim|suspect|witness|driver) (?:who|that) (?:was |got |has been )?[a-z]+(?: [a-z]+)?|he|she|they|the lad|the guy|the bloke|the man|the woman|the girl|the victim|the suspect|the witness|the driver|the attacker|his (?:mum|dad|brother|sister|wife|girlfriend|ex)|her (?:mum|dad|brother|sister|husband|boyfriend|ex)) (?:(?:still |now |only |also )?(?:works|worked|working|is working|is a [a-z]+|is the (?:landlady|landlord|manager|owner|barmaid|barman|cleaner|receptionist|manageress|chef|cook|bouncer|caretaker|teacher|nurse)) (?:at|for|in|down|on) (?:the )?[a-z0-9'&]+(?: [a-z0-9'&]+){0,3}))/g,
    requires: new RegExp(`(?<![a-z])(?:${INVOLVED})`),
    unless:
      /(?<![a-z])(?:i work|we work|my (?:son|daughter|husband|wife)|jobs? (?:fair|advert|vacanc))/,
    suppress: ['question', 'news', 'negation'],
    examples: {
      flag: [
        'the one who did it works at the Tesco on Narborough Road',
        'The victim works at Greggs in town, everyone knows her',
      ],
      noFlag: ['I work at Tesco and saw nothing', 'he works at the hospital and is lovely'],
    },
  }),
  rule({
    id: 'identify.relationship',
    anchors: [
      'brother',
      'sister',
      'mum',
      'mother',
      'dad',
      'father',
      'son',
      'daughter',
      'wife',
      'husband',
      'girlfriend',
      'boyfriend',
      'partner',
      'cousin',
      'uncle',
      'aunt',
      'auntie',
      'nan',
      'grandad',
      'ex',
      'ex-boyfriend',
      'ex-girlfriend',
      'mate',
      'friend',
      'neighbour',
      'missus',
      'fella',
      'kid',
      'kids',
      'child',
      'children',
      'family',
      'parents',
      'stepdad',
      'stepson',
      'nephew',
    ],
    kind: 'pattern',
    on: 'folded',
    criterion: 'identifies-person',
    confidence: 'medium',
    explain: "Points to someone through their relationship to a person involved: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:(?:the )?(?:victim|victims|suspect|suspects|witness|witnesses|attacker|offender|accused|defendant|killer|robber|burglar|rapist|driver|stabber|dealer)(?:'s|s') (?:brother|sister|mum|mother|dad|father|son|daughter|wife|husband|girlfriend|boyfriend|partner|cousin|uncle|aunt|auntie|nan|grandad|ex|mate|best mate|friend|neighbour|missus|fella|kids?|child|children|family|parents)|(?:it was|its|it's|it is|that's|thats|was) (?:his|her|their) (?:own )?(?:brother|sister|mum|mother|dad|father|son|daughter|wife|husband|girlfriend|boyfriend|partner|cousin|uncle|ex|ex-boyfriend|ex-girlfriend|stepdad|stepson|neighbour|mate|best mate) (?:who|that)|(?:the )?(?:victim|suspect|witness|attacker|offender|driver|lad|man|woman|girl|boy|guy|bloke|one)(?: [a-z]+){0,3}? (?:is|was|'s) (?:his|her|their) (?:own )?(?:ex|missus|fella|brother|sister|cousin|wife|husband|girlfriend|boyfriend|partner|stepdad|stepson|neighbour|best mate|mate|son|daughter|uncle|nephew)(?![a-z])|(?:his|her|their) (?:brother|sister|mum|dad|son|daughter|wife|husband|girlfriend|boyfriend|partner|cousin|ex|ex-boyfriend|ex-girlfriend|stepdad|neighbour|mate|best mate) (?:did it|done it|grassed|was the one|is the one|is the witness|was the witness|called the police|rang the police|reported it|stabbed|attacked|robbed|set it up|is the victim|was the victim))(?![a-z])/g,
    suppress: ['negation', 'question', 'news'],
    examples: {
      flag: [
        "the victim's brother was there, everyone knows him",
        'it was her ex-boyfriend who did it',
        'his girlfriend grassed him up',
      ],
      noFlag: ['My girlfriend and I saw the fireworks', 'Thoughts with the victim and family'],
    },
  }),
  rule({
    id: 'identify.names-involved',
    anchors: [
      'did',
      'done',
      'stabbed',
      'attacked',
      'robbed',
      'hurt',
      'assaulted',
      'arrested',
      'involved',
      'saw',
      'grassed',
      'called',
    ],
    kind: 'pattern',
    on: 'original',
    criterion: 'identifies-person',
    confidence: 'medium',
    explain: "Names someone as involved: '{excerpt}'",
    pattern:
      /(?<![A-Za-z])(?:(?:[Tt]he|[Tt]hat) (?:victim|witness|suspect|attacker|offender|lad|girl|boy|man|woman|guy|bloke|kid|one) (?:who|that) (?:did it|done it|was (?:stabbed|attacked|robbed|hurt|assaulted|arrested|involved)|got (?:stabbed|attacked|robbed|arrested)|saw it|grassed|called the police) (?:is|was|'s) (?:called |named )?(?<hit>[A-Z][a-z]+(?: [A-Z][a-z'-]+)?)|(?:[Ii]t was|[Ii]ts|[Ii]t's|[Ii]t is) (?<hit2>[A-Z][a-z]+(?: [A-Z][a-z'-]+)?) (?:who|that) (?:did it|done it|stabbed|attacked|robbed|grassed|called the police|saw it|was involved)|(?<hit3>[A-Z][a-z]+ [A-Z][a-z'-]+) (?:is|was) the (?:one|lad|girl|man|woman|guy|bloke) (?:who|that) (?:did it|done it|stabbed|attacked|robbed|grassed|called the police|was (?:stabbed|attacked|robbed|hurt|assaulted)))/g,
    exclude:
      /^(?:[Ii]t(?: was|s|'s| is) (?:The|This|That|He|She|They|We|You|I|My|His|Her|Their|Our|Police) )/,
    suppress: ['negation', 'question', 'news'],
    examples: {
      flag: [
        'The lad who did it is called Kyle Brennan',
        'it was Darren Pike who did it, everyone knows',
      ],
      noFlag: [
        'The lad who did it should hand himself in',
        'Is it true that the man who was stabbed is okay?',
      ],
    },
  }),
];
