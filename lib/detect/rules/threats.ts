import { rule } from '../rule';

const PERSON = "(?:you|ya|u|yer|him|her|them|em|'em|yourself|yourselves|the lot of you|every (?:one|last one) of (?:you|them)|pc [a-z0-9]+|that (?:officer|copper|cop|pig|man|woman|lad|guy|bloke|girl|boy|family|kid|nonce|paedo|grass|scumbag|scum|rat)|the (?:officer|copper|cop|pig|lad|guy|bloke|grass|nonce|paedo|scumbag|rat|suspect|victim|witness|driver|landlord|neighbour|owner)s?)";
const POSS = "(?:your|ur|yer|his|her|their|[a-z]+'s)";
const PLACE = '(?:house|home|car|van|shop|flat|place|station|mosque|church|synagogue|temple|gurdwara|school|office|business|door|windows?|restaurant|pub)';

/**
 * The core of a threat: a verb of serious violence and who or what it is aimed at. Verbs with
 * harmless senses ("hit the shops", "cut the grass") only count when aimed at a person.
 */
export const THREAT_CORE = `(?:(?:kill|murder|stab|shank|shoot|batter|torch|slash|strangle|choke|lynch|kidnap|rape|knife|petrol bomb|firebomb|fire bomb|acid|behead|glass|leather|throttle)(?:s|ed|ing)? (?:[a-z']+ )?(?:${PERSON}|${POSS} [a-z]+|the [a-z]+|that [a-z]+|this [a-z]+|all of (?:you|them)|every [a-z]+)|(?:hurt|hit|punch|slap|jump|cut|burn|hang|deck|lamp|twat|whack|bottle|attack|smash|batter|chin|bang|nut|headbutt|kick|bash|stamp on)(?:s|ed|ing)? ${PERSON}|beat (?:${PERSON}|${POSS} [a-z]+) (?:up|senseless|to death|black and blue)|smash (?:${POSS}|the) (?:face|head|skull|teeth|windows?|car|house|door)s?(?: in| up)?|knock (?:${PERSON} (?:out|spark out|into next week)|${POSS} (?:teeth|head|block) (?:out|off))|kick (?:${POSS}|the) (?:head|teeth|door)s? in|burn (?:${POSS}|the|that) ${PLACE}s?(?: down)?|burn (?:${PERSON}) alive|set fire to (?:${POSS}|the|that) ${PLACE}|(?:cut|slit) (?:${POSS}) throat|break (?:${POSS}) (?:legs?|neck|jaw|face|arms?|fingers|nose)|string (?:${PERSON}) up|do (?:${PERSON}) in|put (?:${PERSON}) in (?:a |the )?(?:ground|hospital|grave|coffin|box|wheelchair|ice)|blow (?:${PERSON}|${POSS} [a-z]+|the [a-z]+) up|snap (?:${POSS}) neck|finish (?:${PERSON}) off|end (?:you|him|her|them)|run (?:${PERSON}) over|throw acid (?:at|in) (?:${PERSON}|${POSS} face))`;

const FIRST_PERSON_INTENT =
  "(?:i'm|im|i am|i will|i'll|ill|i shall|we're|were|we are|we will|we'll|i'm gonna|im gonna|i'm going to|im going to|i am going to|we're going to|we are going to|we're gonna|i'm coming to|im coming to|i'm coming round to|i'll be round to|gonna|going to)";

/** Figures of speech that use violent words harmlessly. */
const FIGURATIVE =
  /(?:kill(?:ing|s)? (?:me|time|it|the (?:lights|engine|music|vibe|mood))|killed it|kill for (?:a|an|some)|murder (?:a|an|some) (?:pint|curry|brew|cuppa|kebab|pizza|burger|drink|beer|takeaway|coffee|tea)|to die for|dying (?:to|for)|dressed to kill|bomb(?:ed)? (?:it|the exam|the test)|hurt (?:my|his|her) (?:feelings|back|knee|leg)|shoot(?:ing)? (?:the |a )?(?:breeze|video|photos?|film|scene|shot)|kill(?:ing)? (?:the |all the )?(?:weeds|bugs|germs|battery|mood)|smash(?:ed|ing)? it|drop dead gorgeous|break a leg|(?:film|movie|game|song|book|series|traffic|heat|queue|wait)s? (?:is|was) killing)/;

export const threatRules = [
  rule({
    id: 'threat.first-person-violence',
    kind: 'pattern',
    on: 'folded',
    criterion: 'crime-credible-threat',
    also: ['threat-abuse-hate'],
    confidence: 'high',
    suppress: ['negation', 'quoted', 'news', 'question'],
    explain: "States an intention to harm someone: '{excerpt}'",
    pattern: new RegExp(
      `(?<![a-z'])${FIRST_PERSON_INTENT} (?:(?:to |and |come |come round and |round and |find and |personally |fucking |fuckin |actually |literally |definitely |go |going to |gonna |be round to |come and )){0,3}${THREAT_CORE}(?![a-z])`,
      'g',
    ),
    unless: FIGURATIVE,
    examples: {
      flag: ["I'm going to stab him when I see him", "I'll burn your house down tonight", 'im gonna batter you', "We're coming round to smash his face in"],
      noFlag: [
        "I'm going to kill time at the shops",
        'He said "I\'ll kill you" and I am scared, what should I do?',
        "I would never hurt anyone",
        "I'm going to murder a curry tonight",
      ],
    },
  }),
  rule({
    id: 'threat.know-where-you-live',
    kind: 'pattern',
    on: 'folded',
    criterion: 'crime-credible-threat',
    also: ['threat-abuse-hate'],
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'news', 'question'],
    explain: "Threatening words aimed at a person: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:i know where (?:you|u|he|she|they|his family|her family|your family|your kids|you all) (?:live|lives|living|work|works|sleep|sleeps|go to school)|(?:i'm|im|we're|were|i am|we are) coming (?:for|after|round for) (?:you|him|her|them|your|his|her)|your days are numbered|(?:you're|your|you are|ur) (?:a )?dead (?:man|meat|when|if)|you(?:'re| are|r) dead|dead man walking|watch your back|sleep with one eye open|you won't see it coming|you'll get what's coming|(?:there is|there's|theres|i've planted|i have planted|we've planted|i've left|i have left) a bomb (?:at|in|on|under|outside))(?![a-z])/g,
    examples: {
      flag: ['I know where you live', 'watch your back mate', "there's a bomb at the station", 'you are dead when I find you'],
      noFlag: ['Officers know where the suspect lives and have made an arrest', 'Watch your back is a great song'],
    },
  }),
  rule({
    id: 'threat.wish-violence',
    kind: 'pattern',
    on: 'folded',
    criterion: 'threat-abuse-hate',
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'news', 'question', 'condemn'],
    explain: "Calls for violence against someone: '{excerpt}'",
    pattern: new RegExp(
      `(?<![a-z'])(?:someone|somebody|some1|sum1|anyone|they|you|people) (?:should|needs? to|ought to|wants to|will|is going to|gonna|has to|must|better|could) (?:just |go |go and |go round and |round and |really )?${THREAT_CORE}(?![a-z])|(?:hope|hoping|wish|pray) (?:someone|somebody|he|she|they|you|u|him|her|them) (?:gets?|get|is|are) (?:stabbed|shot|battered|beaten|killed|murdered|hurt|glassed|lynched|hanged|hung|burnt|burned|run over|knocked out|done in|sorted)|(?:should|needs to|deserves? to|ought to) be (?:shot|hanged|hung|strung up|lynched|stabbed|beaten|battered|burnt|burned|put down|killed|knifed|tortured|castrated|executed)|(?:string|hang) (?:him|her|them|the [a-z]+) up|(?:take|drag) (?:him|her|them) (?:out|outside) and (?:shoot|hang|beat|kill)`,
      'g',
    ),
    unless: FIGURATIVE,
    examples: {
      flag: ['someone should stab him', 'he should be hanged', 'hope he gets battered inside', 'string him up'],
      noFlag: ['Man charged after saying someone should stab a neighbour, court heard', 'No one should be hurt over this'],
    },
  }),
  rule({
    id: 'abuse.second-person',
    kind: 'pattern',
    on: 'folded',
    criterion: 'threat-abuse-hate',
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'question', 'condemn'],
    explain: "Abuses the person it is aimed at: '{excerpt}'",
    pattern:
      /(?<![a-z'])(?:you(?:'re| are|re|r| r)?|your|ur|u r|u are|you lot are|you lot r|you're all|you are all|ya) (?:a |an |such a |such an |the |just a |nothing but a |an absolute |a total |a complete |a fucking |a useless |a pathetic |an utter |all |lot of |bunch of |pack of )?(?:[a-z]+ ){0,2}?(?:idiot|idiots|moron|morons|scum|scumbag|scumbags|waste of space|waste of oxygen|waste of skin|waste of air|piece of shit|piece of crap|pos|lowlife|low life|lowlifes|loser|losers|clown|clowns|disgrace|vermin|animal|animals|pig|pigs|degenerate|degenerates|cretin|imbecile|parasite|parasites|freak|subhuman|worthless|pathetic|vile|thick as|braindead|brain dead|brainless|filth|trash|rat|rats|snake|cockroach|maggot|maggots|sewer rat|inbred|nonce|nonces|paedo|paedos|pedo|nobody)(?![a-z])/g,
    examples: {
      flag: ["you're a worthless waste of space", 'you lot are scum', 'u r a pathetic loser', 'you absolute moron'],
      noFlag: ["you're not an idiot for asking", 'Are you a special constable?', 'you are a credit to the force'],
    },
  }),
  rule({
    id: 'abuse.self-harm-incitement',
    kind: 'pattern',
    on: 'folded',
    criterion: 'threat-abuse-hate',
    also: ['crime-grossly-offensive'],
    confidence: 'high',
    suppress: ['negation', 'quoted', 'condemn', 'news'],
    explain: "Tells someone to harm or kill themselves: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:kill (?:yourself|urself|yourselves|ursel|yaself|yerself)|kys|neck (?:yourself|urself)|go (?:and )?(?:die|hang yourself|jump off a (?:bridge|cliff))|hang yourself|drink bleach|(?:hope|wish) (?:you|u|he|she|they) (?:die|dies|dying|get cancer|gets cancer|rot in hell|burn in hell|catch covid and die)|(?:i hope|hope) (?:your|his|her|their) (?:kids?|children|mum|family|daughter|son) (?:die|dies|gets? (?:raped|killed|cancer)))(?![a-z])/g,
    examples: {
      flag: ['kill yourself', 'kys loser', 'hope you die', 'go and hang yourself'],
      noFlag: ['telling someone to kill yourself is never okay', 'I hope you dont get caught in the rain'],
    },
  }),
];
