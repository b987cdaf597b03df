import { fold } from '../normalise';
import { rule, type MatchInput, type RawMatch } from '../rule';
import { protectedNameMatches } from './identify';

/**
 * The report-as-crime categories that need more than a word list: court order breaches,
 * grossly offensive communications, and persistent harassment by one author.
 */

const SEXUAL_OFFENCE =
  '(?:raped|sexually assaulted|sexually abused|sexually attacked|abused|groomed|molested|indecently assaulted|trafficked|flashed at)';

/** Protected by law: naming a sexual-offence victim, a child in proceedings, or defying a restriction. */
const COURT_ORDER_RE = new RegExp(
  `(?<![a-z])(?:(?:the|that) (?:girl|boy|woman|lad|kid|child|victim|teenager|young girl|young lad|little girl|little boy|lass|teen) (?:(?:who|that) (?:was|got|has been|were) |(?:he|she|they|him) (?:has |had )?)${SEXUAL_OFFENCE}(?: [a-z]+){0,3}? (?:is|was|'s|lives|goes)|(?:can't|cannot|can not|cant|not allowed to|aren't allowed to|not supposed to) name (?:him|her|them|the (?:kid|lad|boy|girl|victim|child))(?:,)? but (?:it's|its|it is|everyone knows|we all know|i know|he's|she's|his name|her name)|(?:the|that) (?:kid|child|boy|girl|lad|teenager|youth|young offender|15 year old|14 year old|16 year old|17 year old|13 year old) (?:in|from|at) (?:the )?(?:youth )?court(?: case)? (?:is|was|'s|lives)|(?:reporting restrictions?|anonymity order|anonymity|court order|injunction)(?: or not| be damned| my (?:backside|arse)| don't apply| doesn't apply|,)?(?: [a-z]+){0,4}?,? (?:but |so )?(?:it's|its|his name is|her name is|the name is|everyone knows it's|here's (?:his|her) name)|(?:can't|cannot|won't|will not|not allowed to) (?:be )?(?:name|named|identify|identified)(?: [a-z]+){0,5}?[?,.]* (?:but )?(?:it's|its|he's|she's|his name is|her name is)|(?:the )?(?:victim|girl|boy|child|kid|woman)(?: in the)? (?:sexual assault|sex abuse|abuse|rape|grooming|indecent assault|youth court)(?: case)? (?:is|was|'s)|(?:the )?(?:\\d{1,2} year old|lad|girl|boy|kid|child|teenager)(?: [a-z]+){0,2}? in (?:the )?(?:youth court|grooming case|abuse case|rape case|sex abuse case)(?: [a-z]+){0,3}? (?:is|was|'s)|(?:the )?(?:abuse|rape|grooming|sexual assault) victim (?:is|was|'s))`,
  'g',
);

/** After "… is", take in the next words: they are the identifying part the moderator must see. */
const IDENTITY_TAIL =
  /^,?(?: (?:called|named|little|defo|definitely|obviously))? [a-z'-]+(?: [a-z'-]+)?/;

const COURT_ORDER_EXTRA = new RegExp(
  `(?<![a-z])(?:(?:can't|cannot|can not|won't let (?:them|us|the papers|the press)|not allowed to|aren't allowed to|legally (?:they )?(?:can't|cannot)|the (?:lad|girl|boy|kid|child|teenager) the court (?:can't|cannot|won't))(?: be)? (?:name|named|say|identify|identified|report)[^.!?]{0,60}?(?:(?:but |, ?|\\? ?)(?:it's|its|he's|she's|his name is|her name is|the [a-z]+(?: [a-z]+)? is|is)| is)|(?:gave|given|granted) (?:him|her|them) anonymity[^.!?]{0,40}? but (?:it's|its|he's|she's)|(?:anonymity|reporting restrictions?)(?: order)?(?: or not| my (?:backside|arse)| be damned)[^.!?]{0,40}? (?:it's|its|he's|she's)|(?:rape|abuse|grooming|sexual assault|sex abuse|indecent assault) (?:victim|case victim)(?: in (?:this|the) case)? (?:is|was|'s)|(?:youth court|juvenile) (?:defendant|case)(?: [a-z]+){0,3}? (?:is|was|'s)|(?:i know|we know|everyone knows) the (?:girl|boy|woman|victim|kid) (?:who|that) (?:was|got) (?:raped|abused|groomed|sexually assaulted)[,.]? (?:it's|its|she's|he's))`,
  'g',
);

function courtOrderMatches(input: MatchInput): RawMatch[] {
  const out: RawMatch[] = [];
  for (const m of protectedNameMatches(input, ['protected-by-order']))
    out.push({ ...m, confidence: 'high' });
  const text = input.folded.text;
  for (const re of [COURT_ORDER_RE, COURT_ORDER_EXTRA]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const end = m.index + m[0].length;
      const tail = IDENTITY_TAIL.exec(text.slice(end, end + 60));
      out.push({
        s: m.index,
        e: end + (tail ? tail[0].length : 0),
        confidence: 'medium',
        vars: { name: 'someone protected by law', role: 'protected', caseRef: '' },
      });
    }
  }
  // A named victim of a sexual offence, when the victim is in settings as a victim.
  for (const m of protectedNameMatches(input, ['victim'])) {
    const around = text.slice(Math.max(0, m.s - 80), m.e + 80);
    if (new RegExp(`(?:${SEXUAL_OFFENCE}|rape|sexual|grooming|abuse)`).test(around))
      out.push({ ...m, confidence: 'high' });
  }
  return out;
}

/** Grossly offensive: sexual violence wished on people, mocking the dead or children, indecency. */
const GROSS_RE = new RegExp(
  `(?<![a-z])(?:(?:hope|hoping|wish|pray) (?:she|he|they|you|u|her|his|their|your|the [a-z]+|that [a-z]+)(?: [a-z]+)? (?:gets?|got|getting|is|are) (?:raped|gang ?raped|molested|sexually assaulted|abused|fucked|bummed|touched up)|(?:she|he|they|you|u) (?:should|deserves? to|needs? to|ought to) (?:be|get) (?:raped|gang ?raped|molested|sexually assaulted|fucked)|(?:deserved|asked for|was asking for) (?:to (?:be|get) )?(?:it|being|getting)? ?(?:raped|it)(?: (?:dressed|wearing|going out)[a-z ]*)?|(?:good riddance|glad (?:he's|she's|they're|hes|shes|he is|she is|they are) dead|one less|serves (?:him|her|them) right)(?:[ ,]+(?:to )?(?:him|her|them|that [a-z]+|the [a-z]+|scum|rubbish|another [a-z]+))?(?=[^.!?]{0,80}(?:dead|died|death|killed|kid|child|boy|girl|baby|victim|rip|funeral|passed|rots?|rot in))|(?:lol|haha|hahaha|lmao|😂)[^.!?]{0,30}(?:dead (?:kid|child|baby|boy|girl)|(?:he|she) died|got killed|was killed|drowned|burned to death)|(?:dead (?:kid|child|baby|boy|girl)|(?:he|she) died|got killed|drowned|burned to death)[^.!?]{0,30}(?:lol|haha|hahaha|lmao|😂)|child (?:porn|pornography|abuse images)|\\bcp (?:links?|videos?|pics)|(?:nudes|naked pics|pics|photos|videos) of (?:the |that )?(?:kid|child|girl|boy|little|underage|13|14|15) |(?:sexy|fit|hot|fuckable|shaggable) (?:little )?(?:kid|child|schoolgirl|schoolboy|girl of \\d+|\\d+ year old))`,
  'g',
);

/** Hoax emergency claims written as fact (a false communication): "there's a gunman in …". */
const HOAX_RE =
  /(?<![a-z])(?:(?:there's|there is|theres|there are) (?:a |an )?(?:gunman|gunmen|active shooter|shooter|bomber|suicide bomber|terrorist|terrorists|man with a gun|bomb|bombs) (?:in|at|on|inside|loose in)|(?:everyone|everybody|all) (?:evacuate|get out of|leave|run from) (?:the )?[a-z]+(?: [a-z]+)? (?:now|immediately|asap))(?![a-z])/g;

const CHILD_OR_VICTIM =
  '(?:baby|babies|kid|kids|child|children|toddler|girl|boy|victim|victims|family|whole family|missing girl|missing boy|missing kid|daughter|son|teenager|lad|lass|pensioner|old man|old woman|old lady)';

/** Wishing death on, or mocking the death of, victims and children; victim-blaming sexual violence. */
const GROSS_EXTRA = new RegExp(
  `(?<![a-z])(?:(?:hope|wish|pray)(?: that)? (?:the |that |this |his |her |their |your )?(?:[a-z]+ )?${CHILD_OR_VICTIM}(?: [a-z']+){0,3}? (?:dies|die|died|is found dead|are found dead|is found in a ditch|found in a ditch|never comes home|never found|had died|was dead|gets killed|got killed)|wish (?:the|that) (?:crash|fire|attack|bomb|flood)(?: had)? (?:taken|killed|got) (?:the |his |her |their )?${CHILD_OR_VICTIM}|(?:deserved|deserves|deserve) to (?:die|be killed|drown|burn)|shame (?:he|she|they|it) (?:didn't|did not|wasn't|weren't) (?:die|dead|killed|finish(?:ed)? (?:him|her|them) off)|shame it wasn't (?:his|her|their) (?:whole )?(?:family|kids)|rest in piss|(?:piss|dance|shit|spit) on (?:his|her|their) graves?|good riddance to bad rubbish|one less (?:junkie|scum|scumbag|dealer|crackhead|smackhead|chav|nonce|immigrant|paki|muslim|gyppo|pikey|waste of space|mouth to feed)|another one bites the dust|(?:he's|she's|hes|shes) brown bread|should(?:'ve| have) (?:learnt|learned) to swim|died doing what (?:he|she) loved:? being|(?:toddler|baby|kid|child|girl|boy)(?: [a-z]+)? (?:who|that) died (?:wasn't|was not|isn't) (?:even )?(?:cute|missed|worth)|gas (?:the lot of )?(?:them|em|'em)(?:,| all| like)|(?:someone|somebody|they) (?:rapes?|molests?|abuses?) (?:your|his|her|their) (?:daughter|son|kids?|wife|mum|sister)|should (?:be|get) (?:raped|gang ?raped|molested)|(?:nobody|no one|noone) would (?:rape|touch|shag|want to touch) (?:her|him)|(?:is|are|were|was) asking for it|(?:should be|be) grateful (?:anyone|someone|somebody) (?:wanted to|would) (?:touch|shag|rape) (?:her|him)|i'd have done (?:her|him) too|(?:1[0-5]|\\d) and (?:fit|hot|sexy|well fit)(?:,? (?:can't|cannot|cant) blame (?:him|them|me))?|(?:video|vid|pics|photos|nudes) of the (?:1[0-7]|\\d) year old|hope (?:she|he) hangs (?:herself|himself))(?![a-z])`,
  'g',
);

/** Hoax alarms: an emergency claimed as happening now, with a call to spread it. */
const HOAX_EXTRA =
  /(?<![a-z])(?:(?:shooting|stabbing|explosion|bomb|gunman|terror attack|attack)s? (?:at|in) [a-z' ]{2,30}? right now|gunman in [a-z']+|(?:telling|told) everyone to evacuate [a-z]+|evacuate [a-z]+[^.!?]{0,40}(?:about to (?:blow|explode|go up))|(?:gas main|bomb|reactor) (?:is )?about to (?:blow|explode|go up))(?![a-z])/g;

function grossMatches(input: MatchInput): RawMatch[] {
  const out: RawMatch[] = [];
  const text = input.folded.text;
  GROSS_RE.lastIndex = 0;
  for (let m = GROSS_RE.exec(text); m !== null; m = GROSS_RE.exec(text)) {
    out.push({ s: m.index, e: m.index + m[0].length });
  }
  GROSS_EXTRA.lastIndex = 0;
  for (let m = GROSS_EXTRA.exec(text); m !== null; m = GROSS_EXTRA.exec(text)) {
    out.push({ s: m.index, e: m.index + m[0].length, confidence: 'medium' });
  }
  for (const re of [HOAX_RE, HOAX_EXTRA]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push({ s: m.index, e: m.index + m[0].length, confidence: 'medium', vars: {} });
    }
  }
  return out;
}

/** Words that make a message abusive (for the persistence check: precision comes from the history). */
const ABUSIVE_WORDS =
  /(?<![a-z])(?:scum|scumbag|idiot|moron|pathetic|worthless|disgusting|vile|cunt|twat|prick|bitch|slag|whore|nonce|paedo|liar|waste of space|loser|clown|freak|useless|ugly|fat|cow|retard|nobody (?:likes|believes|wants|cares)|no one (?:likes|believes|wants|cares)|everyone hates|get off this page|shut up|piss off|fuck off|go away|kill yourself|kys|watch your back|i know where you)(?![a-z])/;

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
  return [
    { s: lead, e: original.trimEnd().length, original: true, vars: { n: String(abusive + 1) } },
  ];
}

export const crimeRules = [
  rule({
    id: 'crime.court-order',
    contextual: true,
    anchors: [
      'raped',
      'rape',
      'sexually',
      'sexual',
      'abused',
      'abuse',
      'groomed',
      'grooming',
      'molested',
      'indecently',
      'indecent',
      'trafficked',
      'flashed',
      'name',
      'named',
      'say',
      'identify',
      'identified',
      'report',
      'anonymity',
      'restriction',
      'restrictions',
      'order',
      'injunction',
      'court',
      'youth',
      'juvenile',
    ],
    kind: 'custom',
    criterion: 'crime-court-order-breach',
    also: ['identifies-person'],
    confidence: 'high',
    suppress: ['negation', 'question'],
    explain: "Identifies {name}, who is protected by law: '{excerpt}'",
    match: courtOrderMatches,
    examples: {
      flag: [
        {
          text: 'Everyone knows it was Lily Marsh',
          context: {
            protectedNames: [
              { name: 'Lily Marsh', role: 'protected-by-order', caseRef: 'T20260123' },
            ],
          },
        },
        'the girl who was raped is Emma from Braunstone',
        "can't name him but it's the Jones lad from Eyres Monsell",
      ],
      noFlag: [
        'There is a reporting restriction, please do not name anyone',
        {
          text: 'Lily Marsh won the bake-off',
          context: { protectedNames: [{ name: 'Lily Marsh', role: 'witness' }] },
        },
      ],
    },
  }),
  rule({
    id: 'crime.grossly-offensive',
    anchors: [
      'rape*',
      'raping',
      'molest*',
      'sexually',
      'abuse*',
      'abusing',
      'fucked',
      'bummed',
      'touch*',
      'deserv*',
      'asked',
      'asking',
      'riddance',
      'glad',
      'less',
      'serves',
      'dead',
      'die',
      'died',
      'dies',
      'dying',
      'death',
      'killed',
      'drown*',
      'burn*',
      'porn*',
      'images',
      'cp',
      'nudes',
      'naked',
      'pics',
      'photos',
      'video*',
      'vid',
      'vids',
      'sexy',
      'fit',
      'hot',
      'fuckable',
      'shaggable',
      'ditch',
      'home',
      'found',
      'wish',
      'shame',
      'piss',
      'grave*',
      'bites',
      'brown',
      'swim',
      'gas',
      'shag*',
      'grateful',
      'done',
      'hangs',
      'gunman',
      'gunmen',
      'shooter',
      'shooting',
      'stabbing',
      'explosion',
      'bomber',
      'bomb*',
      'terror*',
      'attack*',
      'evacuate',
      'leave',
      'run',
      'get',
      'reactor',
      'blow',
      'explode',
    ],
    kind: 'custom',
    criterion: 'crime-grossly-offensive',
    confidence: 'high',
    suppress: ['negation', 'quoted', 'condemn', 'news'],
    explain: "Grossly offensive, indecent or false: '{excerpt}'",
    match: grossMatches,
    examples: {
      flag: [
        'hope she gets raped',
        'good riddance, one less scum, glad he is dead',
        "there's a gunman in Highcross, everyone get out now",
      ],
      noFlag: ['Whoever did this to that child is evil', 'this traffic is f***ing ridiculous'],
    },
  }),
  rule({
    id: 'crime.persistent-harassment',
    kind: 'custom',
    criterion: 'crime-targeted-harassment-hate',
    confidence: 'medium',
    suppress: ['quoted', 'condemn'],
    explain:
      'Abusive again: this author has posted {n} abusive messages on this page (persistent harassment)',
    match: persistentMatches,
    examples: {
      flag: [
        {
          text: 'you are pathetic and everyone hates you',
          context: {
            recentByAuthor: ['you are a useless idiot', 'shut up you vile cow, you are scum'],
          },
        },
      ],
      noFlag: [
        {
          text: 'you are pathetic',
          context: { recentByAuthor: ['where is this?', 'thanks for the update'] },
        },
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
    terms: [
      'nigger',
      'niggers',
      'kike',
      'kikes',
      'sand nigger',
      'jungle bunny',
      'porch monkey',
      'golliwog',
      'paki bashing',
      'gas the jews',
      'muzrat',
    ],
    examples: {
      flag: ['filthy nigger', 'gas the jews'],
      noFlag: [
        'He called my son a "n*****", I have reported it',
        'the word "kike" is vile, report it',
      ],
    },
  }),
];
