import { fold } from '../normalise';
import { escapeRe, rule, type MatchInput, type RawMatch } from '../rule';

/**
 * Sensitive information about an investigation or covert operation: raids that have not
 * happened yet, surveillance, informants, undercover officers, named operations, evidence.
 * The force's own published results ("great result from yesterday's warrants") are not.
 */

const opCache = new WeakMap<string[], RegExp | null>();
function operationMatches(input: MatchInput): RawMatch[] {
  const ops = input.context.operations;
  if (!ops || ops.length === 0) return [];
  let re = opCache.get(ops);
  if (re === undefined) {
    const names = ops
      .map((o) =>
        fold(o)
          .text.trim()
          .replace(/^(?:operation|op)\s+/, ''),
      )
      .filter((o) => o.length >= 3)
      .map((o) => o.split(/\s+/).map(escapeRe).join('[^a-z0-9]{1,3}'));
    // "Operation Falcon", "Op Falcon", or the bare name next to police words.
    re = names.length
      ? new RegExp(
          `(?<![a-z])(?:(?:operation|op|0p)\\.? (?:${names.join('|')})|(?:${names.join('|')})(?:'s)?(?= (?:team|job|raid|operation|op|squad|lot|investigation|enquiry|inquiry|surveillance|warrant|is about to|are about to|about to|is going to|are going to|are moving|is moving|will move|moving on|targeting|target|hitting|hit)))(?![a-z])`,
          'g',
        )
      : null;
    opCache.set(ops, re);
  }
  if (!re) return [];
  const out: RawMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(input.folded.text); m !== null; m = re.exec(input.folded.text)) {
    out.push({ s: m.index, e: m.index + m[0].length });
  }
  return out;
}

export const sensitiveRules = [
  rule({
    id: 'sensitive.listed-operation',
    kind: 'custom',
    criterion: 'sensitive-information',
    confidence: 'high',
    suppress: ['news'],
    explain: "Mentions '{excerpt}', listed in your settings as an active operation",
    match: operationMatches,
    examples: {
      flag: [
        {
          text: 'Heard Operation Falcon are hitting the estate next week',
          context: { operations: ['Operation Falcon'] },
        },
      ],
      noFlag: [
        { text: 'Falcon Drive is closed', context: { operations: ['Operation Falcon'] } },
        'Operation Falcon is on tomorrow',
      ],
    },
  }),
  rule({
    id: 'sensitive.raid-warning',
    anchors: [
      'raid*',
      'spin*',
      'hit*',
      'turn*',
      'kick*',
      'storm*',
      'swoop*',
      'bust*',
      'sweep*',
      'warrant*',
      'crackdown',
      'tip*',
      'tipped',
      'heads',
      'gear',
      'stash',
      'stuff',
      'drugs',
      'weed',
      'product',
      'clean',
    ],
    kind: 'pattern',
    on: 'folded',
    criterion: 'sensitive-information',
    confidence: 'high',
    suppress: ['negation', 'question', 'news', 'quoted'],
    explain: "Warns of police action that has not happened yet: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:(?:police|cops|coppers|feds|old bill|5-0|five-o|the bizzies|plod|they|the drugs? squad|drugs squad|the tactical team|tactical team|armed police|the police|the cops|the feds|officers|the old bill)(?:'re| are| r| is|'s| will| 'll|'ll)? (?:going to |gonna |about to |planning to |getting ready to |coming to |due to )?(?:raid|raiding|spin|spinning|hit|hitting|turn over|turning over|kick in|kicking in|storm|storming|swoop on|swooping on|bust|busting|doing a sweep of|sweep|sweeping)(?: [a-z0-9',]+){0,8}? (?:tomorrow|tonight|tmrw|tmw|next week|at dawn|this week|this weekend|early doors|at \d{1,2}(?:[:.]\d\d)? ?(?:am|pm)?|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in the morning)|(?:raid|raids|warrant|warrants|swoop|bust|sweep|crackdown) (?:is |are |going in |going |happening |planned |due |being planned )?(?:(?:on|at|for|in) [a-z0-9' ]{2,40}? )?(?:is |are )?(?:happening |planned |going in )?(?:tomorrow|tonight|tmrw|tmw|next week|at dawn|this week|this weekend|in the morning|at \d{1,2}(?:[:.]\d\d)? ?(?:am|pm)?|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))|(?:tip|tipping|tipped) (?:him|her|them|you|everyone|yous) off|heads up(?: to| for)? (?:everyone|all|lads)?,? (?:the )?(?:police|cops|feds|old bill|raid)|(?:get rid of|flush|move|stash|hide|clear out) (?:your|the|ur) (?:gear|stash|stuff|drugs|weed|product)(?: (?:before|cos|because) (?:the )?(?:police|cops|feds|old bill|raid))?|keep it clean)(?![a-z])/g,
    examples: {
      flag: [
        'police are raiding the flats on Hinckley Road tomorrow',
        'heads up everyone, the feds are coming',
        'raid on number 12 at dawn',
      ],
      noFlag: [
        'Great result from yesterday’s raid, well done',
        'Police raided a property on Monday and arrested two men, police said',
      ],
    },
  }),
  rule({
    id: 'sensitive.surveillance',
    anchors: [
      'unmarked',
      'watching',
      'filming',
      'following',
      'tailing',
      'staking',
      'sat',
      'parked',
      'monitoring',
      'surveillance',
      'obs',
      'observations',
      'stakeout',
      'stake',
      'plain',
      'plainclothes',
      'undercover',
      'tracker',
      'tracking',
      'bug',
      'listening',
      'camera',
      'tapped',
      'bugged',
      'tapping',
      'bugging',
      'posing',
      'covert',
      'anpr',
      'cctv',
      'pick',
      'nick',
      'lift',
      'arrest',
      'arrested',
      'nicked',
      'lifted',
      'charged',
      'appeal',
      'press',
      'news',
      'sat',
      'listened',
    ],
    kind: 'pattern',
    on: 'folded',
    criterion: 'sensitive-information',
    confidence: 'medium',
    suppress: ['negation', 'question', 'news', 'quoted'],
    explain: "Discloses police surveillance or covert tactics: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:unmarked (?:car|cars|van|vans|motor|bmw|audi|police car)s? (?:outside|parked|sat|sitting|watching|on|at|near|round|up|down|in)|(?:police|cops|coppers|feds|they)(?:'re| are| have been| been|'ve been) (?:watching|filming|following|tailing|staking out|sat outside|parked outside|monitoring) (?:the|his|her|their|that|number|no|him|them|flat|house)|(?:surveillance|obs|observations|stakeout|stake out|plain ?clothes|undercover (?:cops|officers|police|coppers|unit)) (?:on|at|outside|watching|in|are|is|sat|parked|near|round)|(?:tracker|tracking device|bug|listening device|camera) (?:on|in|under) (?:his|her|their|the) (?:car|van|phone|house|flat|motor)|(?:his|her|their) phones? (?:is |are )?(?:tapped|bugged|being (?:tapped|monitored|listened to))|(?:is|'s|was|are|'re) (?:an? |the )?undercover(?: cop| copper| officer| police)?|undercover (?:cop|copper|officer|police officer)s? (?:called|named|is|at|in|posing)|posing as a (?:customer|buyer|dealer|punter)|covert (?:camera|cameras|obs|observations|officers?|op|operation|team|car|van|unit|surveillance)|(?:police |a )?surveillance (?:car|van|team|vehicle|camera|op)|plain ?clothes (?:officer|copper|cop|police)|(?:tapping|tapped|bugging|bugged|monitoring|listening to) (?:his|her|their|the) (?:phone|phones|calls|flat|house|car)|(?:been|are|is|have been) (?:watching|staking out|sat on|monitoring|following) (?:the|his|her|their|that) (?:flat|house|address|shop|car|place|pub|lock ?up|garage)|anpr (?:van|car|camera|cameras|team)s?(?: [a-z]+){0,3} (?:set up|waiting|at|on)|(?:have|got) (?:him|her|them) on cctv but|(?:waiting|wait) to (?:pick up|nick|lift|arrest) the others|(?:haven't|have not|havent) (?:arrested|nicked|lifted|charged) (?:him|her|them) yet|(?:not|wasn't|isn't) in the (?:appeal|press release|news))(?![a-z])/g,
    examples: {
      flag: [
        'unmarked van outside number 22 watching the house',
        "they've got a tracker on his car",
        'the new lad at the gym is an undercover cop',
      ],
      noFlag: ['How do I join the police?', 'CCTV is in operation in the car park'],
    },
  }),
  rule({
    id: 'sensitive.informant',
    anchors: [
      'grass*',
      'informant*',
      'informer*',
      'informing',
      'snitch*',
      'rat',
      'source',
      'chis',
      'mole',
      'wire',
      'working',
      'works',
      'work',
      'feeds',
      'feeding',
      'passing',
    ],
    kind: 'pattern',
    on: 'folded',
    criterion: 'sensitive-information',
    also: ['identifies-person'],
    confidence: 'high',
    suppress: ['negation', 'question', 'news', 'quoted', 'condemn'],
    explain: "Says someone is a police informant: '{excerpt}'",
    pattern:
      /(?:(?:(?<![a-z])(?:is|was|are|been|being)|'s|'re) (?:a |an |the |a fucking |a dirty |a known |the police )?(?:grass|grasses|informant|informants|informer|informers|snitch|snitches|rat for the police|police source|chis|police grass|police informant)(?![a-z])|(?<![a-z])grassed (?:him|her|them|everyone|us|on)(?: up)?|(?<![a-z])(?:been )?grassing (?:to|on) (?:the )?(?:police|drugs squad|feds|cops|old bill|everyone)|(?<![a-z])(?:got|have|has|there's) (?:a |an )?(?:snitch|grass|informant|mole|rat|source) (?:in|inside|among)|(?<![a-z])(?:wore|wearing|wears) a wire|(?<![a-z])working with the (?:police|feds|cops) to (?:set up|catch|get)|(?:he|she|they)(?: is| are|'s|'re)? (?:grassing|informing|snitching) (?:on|to)|works? for the (?:police|feds|cops|old bill) on the quiet|(?:feeds|feeding|passing) (?:info|information|names) to (?:the )?(?:police|feds|cops|old bill))/g,
    examples: {
      flag: [
        "Dean's a grass, he's been feeding info to the police",
        'she grassed him up',
        'he is a police informant',
      ],
      noFlag: ['Keep off the grass please', 'Nobody is a grass for reporting crime, report it'],
    },
  }),
  rule({
    id: 'sensitive.evidence-detail',
    anchors: [
      'knife',
      'gun',
      'weapon',
      'machete',
      'body',
      'phone',
      'car',
      'bike',
      'clothes',
      'hoodie',
      'drugs',
      'cash',
      'money',
      'blade',
      'knives',
      'guns',
      'weapons',
      'dna',
      'fingerprints',
      'prints',
      'forensics',
      'blood',
    ],
    kind: 'pattern',
    on: 'folded',
    criterion: 'sensitive-information',
    confidence: 'low',
    suppress: ['negation', 'question', 'news', 'quoted'],
    explain: "Gives investigation detail that may not be public: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:the (?:knife|gun|weapon|machete|body|phone|car|bike|clothes|hoodie|drugs|cash|money|blade)s? (?:was|were|is|are|got|has been|have been)? ?(?:found|hidden|dumped|buried|stashed|thrown|ditched|chucked) (?:in|at|under|behind|near|down|by|inside)|(?:dna|fingerprints|prints|forensics|blood)(?: [a-z]+){0,4}? (?:was |were |have |has )?(?:found|matched|came back|match)|(?:police|they|cops|officers|the feds) (?:found|have found|recovered|have recovered|pulled) (?:the |a )?(?:knife|gun|weapon|body|phone|drugs|cash|machete|blade)(?: [a-z]+){0,2}? (?:in|at|under|behind|near|down|from)|(?:they|police|cops) (?:found|have found|got|have got) (?:his|her|their) (?:dna|prints|fingerprints|phone|blood))(?![a-z])/g,
    examples: {
      flag: ['the knife was dumped in the canal behind Tesco', 'his DNA came back on the bottle'],
      noFlag: [
        'Police are appealing for anyone who finds a knife to hand it in, police said',
        'I found a phone on the bus',
      ],
    },
  }),
];
