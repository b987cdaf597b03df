import { rule } from '../rule';

const PERSON = "(?:you|ya|u|yer|him|her|them|em|'em|yourself|yourselves|the lot of (?:you|them|em)|all of (?:you|them)|(?:your|ur|his|her|their|my) (?:kids|children|family|wife|husband|mum|dad|son|daughter|missus|girlfriend|boyfriend|ex|partner|neighbour|brother|sister)|every (?:one|last one) of (?:you|them)|pc [a-z0-9]+|that (?:officer|copper|cop|pig|man|woman|lad|guy|bloke|girl|boy|family|kid|nonce|paedo|grass|scumbag|scum|rat)|the (?:officer|copper|cop|pig|lad|guy|bloke|grass|nonce|paedo|scumbag|rat|suspect|victim|witness|driver|landlord|neighbour|owner)s?)";
const POSS = "(?:your|ur|yer|his|her|their|my|[a-z]+'s)";
const PLACE = '(?:house|home|car|van|shop|flat|place|station|mosque|church|synagogue|temple|gurdwara|school|office|business|door|windows?|restaurant|pub)';

/**
 * The core of a threat: a verb of serious violence and who or what it is aimed at. Verbs with
 * harmless senses ("hit the shops", "cut the grass") only count when aimed at a person.
 */
export const THREAT_CORE = `(?:(?:kill|murder|stab|shank|shoot|batter|torch|slash|strangle|choke|lynch|kidnap|rape|knife|petrol bomb|firebomb|fire bomb|acid|behead|glass|leather|throttle)(?:s|ed|ing)? (?:[a-z']+ )?(?:${PERSON}|(?:number|no\\.?) \\d+|${POSS} [a-z]+|the [a-z]+|that [a-z]+|this [a-z]+|all of (?:you|them)|every [a-z]+)|(?:hurt|hit|punch|slap|jump|cut|burn|hang|deck|lamp|twat|whack|bottle|attack|smash|batter|chin|bang|nut|headbutt|kick|bash|stamp on)(?:s|ed|ing)? ${PERSON}|beat (?:${PERSON}|${POSS} [a-z]+) (?:up|senseless|to death|black and blue)|smash (?:${POSS}|the) (?:face|head|skull|teeth|windows?|car|house|door)s?(?: in| up)?|knock (?:${PERSON} (?:out|spark out|into next week)|${POSS} (?:teeth|head|block) (?:out|off))|kick (?:${POSS}|the) (?:head|teeth|door)s? in|burn(?:ing)? (?:${POSS}|the|that|this|it)(?: [a-z']+){0,4}? (?:${PLACE}s?(?: down)?|down)|(?:put|putting|smash|smashing) (?:${POSS}|the) windows? in|shoot up (?:the |that |this |${POSS} )?[a-z]+|smash(?:ing)? up (?:the |that |this |${POSS} )(?:[a-z]+ )?${PLACE}|burn (?:${PERSON}) alive|set fire to (?:${POSS}|the|that)(?: [a-z]+)? ${PLACE}|burn (?:it|the place) down with (?:them|him|her|you|everyone)|(?:cut|slit) (?:${POSS}) throat|break (?:${POSS}) (?:legs?|neck|jaw|face|arms?|fingers|nose)|string (?:${PERSON}) up|do (?:${PERSON}) in|put (?:${PERSON}) in (?:a |the )?(?:ground|hospital|grave|coffin|box|wheelchair|ice)|blow (?:${PERSON}|${POSS} [a-z]+|the [a-z]+) up|snap (?:${POSS}) neck|finish (?:${PERSON}) off|end (?:you|him|her|them)|run (?:${PERSON}) over|throw acid (?:at|in) (?:${PERSON}|${POSS} face))`;

const FIRST_PERSON_INTENT =
  "(?:planning to|plan to|we're planning to|i'm planning to|i swear (?:down )?i'm going to|i swear (?:down )?i'll|let's|lets|let's all|i'm|im|i am|i will|i'll|ill|i shall|we're|were|we are|we will|we'll|i'm gonna|im gonna|i'm going to|im going to|i am going to|we're going to|we are going to|we're gonna|i'm coming to|im coming to|i'm coming round to|i'll be round to|gonna|going to)";

/** Figures of speech that use violent words harmlessly. */
const FIGURATIVE =
  /(?:kill(?:ing|s)? (?:me|time|it|the (?:lights|engine|music|vibe|mood))|killed it|kill for (?:a|an|some)|murder (?:a|an|some|this|that|the|my) (?:[a-z]+ )?(?:pint|curry|brew|cuppa|kebab|pizza|burger|drink|beer|takeaway|coffee|tea|roast|dinner|breakfast|fry up|chippy|chips|sandwich|pie|cake|biscuits?|song|karaoke)|kill (?:yourself|urself|myself|themselves) laughing|to die for|dying (?:to|for)|dressed to kill|bomb(?:ed)? (?:it|the exam|the test)|hurt (?:my|his|her) (?:feelings|back|knee|leg)|shoot(?:ing)? (?:the |a )?(?:breeze|video|photos?|film|scene|shot)|kill(?:ing)? (?:the |all the )?(?:weeds|bugs|germs|battery|mood)|smash(?:ed|ing)? it|hit (?:me|him|her|them|us) up|drop dead gorgeous|break a leg|(?:film|movie|game|song|book|series|traffic|heat|queue|wait)s? (?:is|was) killing)/;

export const threatRules = [
  rule({
    id: 'threat.first-person-violence',
    anchors: ['kill*', 'murder*', 'stab*', 'shank*', 'shoot*', 'shot', 'batter*', 'torch*', 'slash*', 'strangl*', 'chok*', 'lynch*', 'kidnap*', 'rape*', 'raping', 'knif*', 'petrol', 'firebomb*', 'fire', 'acid', 'behead*', 'glass*', 'leather*', 'throttl*', 'hurt*', 'hit*', 'punch*', 'slap*', 'jump*', 'cut*', 'burn*', 'hang*', 'hung', 'deck*', 'lamp*', 'twat*', 'whack*', 'bottl*', 'attack*', 'smash*', 'chin*', 'bang*', 'nut*', 'headbutt*', 'kick*', 'bash*', 'stamp*', 'beat*', 'knock*', 'set', 'slit*', 'break*', 'broken', 'string*', 'strung', 'do', 'done', 'put*', 'blow*', 'snap*', 'finish*', 'end', 'run', 'throw*', 'thrown'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'crime-credible-threat',
    also: ['threat-abuse-hate'],
    confidence: 'high',
    suppress: ['negation', 'quoted', 'news', 'question'],
    explain: "States an intention to harm someone: '{excerpt}'",
    pattern: new RegExp(
      `(?<![a-z'])${FIRST_PERSON_INTENT} (?:(?:to |and |come |come round and |round and |find and |personally |fucking |fuckin |actually |literally |definitely |go |going to |gonna |be round to |come and |coming round to |coming to |round to |going round to |going round and )){0,3}${THREAT_CORE}(?![a-z])`,
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
    anchors: ['know', 'coming', 'days', 'dead', 'watch', 'sleep', 'see', 'what\'s', 'whats', 'bomb', 'planted', 'left'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'crime-credible-threat',
    also: ['threat-abuse-hate'],
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'news', 'question'],
    explain: "Threatening words aimed at a person: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:i know where (?:you|u|he|she|they|his family|her family|your family|your kids|you all) (?:live|lives|living|work|works|sleep|sleeps|go to school)|(?:i'm|im|we're|were|i am|we are) coming (?:for|after|round for) (?:you|him|her|them|your|his|her)|your days are numbered|(?:you're|your|you are|ur) (?:a )?dead (?:man|meat|when|if)|you(?:'re| are|r) dead|dead man walking|watch your back|sleep with one eye open|you won't see it coming|you'll get what's coming|(?:there is|there's|theres|i've planted|i have planted|we've planted|i've left|i have left) a bomb (?:at|in|on|under|outside))(?![a-z])/g,
    unless: /(?:song|film|movie|book|album|track|lyrics|tv show|series|programme)/,
    examples: {
      flag: ['I know where you live', 'watch your back mate', "there's a bomb at the station", 'you are dead when I find you'],
      noFlag: ['Officers know where the suspect lives and have made an arrest', 'Watch your back is a great song'],
    },
  }),
  rule({
    id: 'threat.wish-violence',
    anchors: ['kill*', 'murder*', 'stab*', 'shank*', 'shoot*', 'shot', 'batter*', 'torch*', 'slash*', 'strangl*', 'chok*', 'lynch*', 'kidnap*', 'rape*', 'raping', 'knif*', 'petrol', 'firebomb*', 'fire', 'acid', 'behead*', 'glass*', 'leather*', 'throttl*', 'hurt*', 'hit*', 'punch*', 'slap*', 'jump*', 'cut*', 'burn*', 'hang*', 'hung', 'deck*', 'lamp*', 'twat*', 'whack*', 'bottl*', 'attack*', 'smash*', 'chin*', 'bang*', 'nut*', 'headbutt*', 'kick*', 'bash*', 'stamp*', 'beat*', 'knock*', 'set', 'slit*', 'break*', 'broken', 'string*', 'strung', 'do', 'done', 'put*', 'blow*', 'snap*', 'finish*', 'end', 'run', 'throw*', 'thrown', 'sort*', 'tortur*', 'castrat*', 'execut*'],
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
    id: 'threat.intent-then-violence',
    anchors: ['kill*', 'murder*', 'stab*', 'shank*', 'shoot*', 'shot', 'batter*', 'torch*', 'slash*', 'strangl*', 'chok*', 'lynch*', 'kidnap*', 'rape*', 'raping', 'knif*', 'petrol', 'firebomb*', 'fire', 'acid', 'behead*', 'glass*', 'leather*', 'throttl*', 'hurt*', 'hit*', 'punch*', 'slap*', 'jump*', 'cut*', 'burn*', 'hang*', 'hung', 'deck*', 'lamp*', 'twat*', 'whack*', 'bottl*', 'attack*', 'smash*', 'chin*', 'bang*', 'nut*', 'headbutt*', 'kick*', 'bash*', 'stamp*', 'beat*', 'knock*', 'set', 'slit*', 'break*', 'broken', 'string*', 'strung', 'do', 'done', 'put*', 'blow*', 'snap*', 'finish*', 'end', 'run', 'throw*', 'thrown'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'crime-credible-threat',
    also: ['threat-abuse-hate'],
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'news', 'question'],
    explain: "States a plan that ends in harming someone: '{excerpt}'",
    pattern: new RegExp(
      `(?<![a-z'])(?:i will|i'll|i'm going to|im going to|im gonna|i'm gonna|we will|we'll|let's all|lets all|let's|we're going to) (?:find|meet|go|get|wait|track down|catch|come|turn up)[^.!?]{0,60}? and (?:then )?${THREAT_CORE}(?![a-z])`,
      'g',
    ),
    unless: FIGURATIVE,
    examples: {
      flag: ['I will find the officer who arrested my brother and hurt his kids', "Let's all meet at the Travelodge on Saturday and burn it down with them inside"],
      noFlag: ["Let's all meet at the park and have a picnic", "I'll find the owner and give him his wallet back"],
    },
  }),
  rule({
    id: 'threat.weapon-and-target',
    anchors: ['blade', 'knife', 'knives', 'machete', 'gun', 'shooter', 'strap', 'shank', 'bat', 'hammer', 'acid', 'axe', 'crowbar', 'zombie', 'petrol', 'lighter', 'nine', '9mm', 'shotgun', 'rifle', 'crossbow'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'crime-credible-threat',
    also: ['threat-abuse-hate'],
    confidence: 'high',
    suppress: ['negation', 'quoted', 'news', 'question'],
    explain: "Talks of bringing a weapon to someone: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:(?:i've got|ive got|i have got|i have|i got|i'll bring|ill bring|i'm bringing|im bringing|i'll have|i'm carrying|bringing|i'll be (?:at|outside|waiting)[a-z ,0-9]{0,40}? with|i'm (?:coming|waiting)[a-z ,0-9']{0,40}? with|coming round with|waiting (?:outside|for)[a-z ,0-9']{0,40}? with) (?:a |an |the |my |me )?(?:blade|knife|knives|machete|gun|shooter|strap|shank|bat|baseball bat|hammer|acid|axe|crowbar|zombie knife|petrol|lighter fluid|nine|9mm|shotgun|rifle|crossbow)(?:[^.!?]{0,60}?(?:for (?:him|her|them|you|that|the)|waiting|outside|using it|use it|on (?:the|that|him|her|you)|at [a-z]+|tonight|now))?)(?![a-z])/g,
    examples: {
      flag: ["I've got a blade and I'm waiting outside the Spar for him now", "I'll be at the school gates at 3 with a knife", "I'm coming round with a bat"],
      noFlag: ['Police seized a knife and arrested a man, police said', 'I have a knife block in the kitchen?'],
    },
  }),
  rule({
    id: 'threat.future-harm-to-target',
    anchors: ['getting', 'gonna', 'going', 'about', 'due', 'dead', 'goes', 'go', 'gets', 'get', 'will', 'coming', 'won\'t', 'wont', 'like', 'you\'ll', 'youll', 'wait', 'till', 'until', 'til', 'device', 'explosive', 'bomb', 'ied', 'pipe', 'devices', 'bombs', 'explosives', 'going', 'drive', 'driving', 'ram', 'ramming', 'plough', 'ploughing', 'someone', 'somebody', 'anyone', 'some1', 'regret', 'pay'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'crime-credible-threat',
    also: ['threat-abuse-hate'],
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'news', 'question'],
    explain: "Says someone will be hurt or their property attacked: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:(?:he|she|they|you|u|ur)(?:'s|'re| is| are| r|s) (?:getting|gonna get|going to get|about to get|due) (?:stabbed|shot|battered|glassed|done in|hurt|merked|killed|dropped|shanked|jumped|smashed)|(?:he|she|they)(?:'s| is|'re| are) dead (?:tonight|tomorrow|meat|when|if|next)|(?:your|ur|his|her|their) (?:house|car|shop|flat|place|home|van) (?:goes|will go|is going|gonna go|going) up in (?:flames|smoke)|(?:your|ur|his|her|their) (?:house|car|shop|flat|home|van) (?:gets|will get|is getting|is gonna get|getting) (?:torched|burnt|burned|done|smashed)|i'm coming (?:to|round to|for) (?:your|ur|his|her|their) (?:house|place|flat|home|work|mum's)(?:[^.!?]{0,40}?(?:tonight|tomorrow|now|won't like|you'll see|wait))|you won't like what happens|you(?:'ll| will) (?:regret|pay for) (?:it|this)|you won't (?:walk|wake up|see|live) (?:again|another|to see)|wait (?:till|until|til) i (?:catch|get|see|find) (?:you|him|her|them)|(?:there's|there is|theres) (?:a |an )?(?:device|explosive|bomb|ied|pipe bomb)s? (?:planted |hidden |left )?(?:in|at|on|under|inside)|(?:someone|somebody|anyone|some1) (?:go and |go round and |should |needs to |wants to )?(?:petrol bomb|firebomb|fire bomb|torch|burn down|smash up|shoot up|do over|attack|raid) (?:number \d+|no\.? \d+|\d+[a-z]? [a-z]+ (?:road|street|avenue|lane|close|drive|way|crescent|court)|(?:his|her|their) (?:house|flat|home|shop|car))|(?:bomb|device|explosive)s? (?:is |are )?(?:already |been )?(?:inside|planted|in place|set)|(?:it|bomb|device)(?:'s| is| will be)? (?:going off|goes off|set to go off) at|(?:driv(?:e|ing)|ram(?:ming)?|plough(?:ing)?) (?:my |a |the )?(?:car|van|truck|lorry)? ?into (?:the )?(?:protest|crowd|march|people|them|mosque|queue)|(?:is|are|'s) going up on (?:match day|saturday|sunday|monday|tuesday|wednesday|thursday|friday|[a-z]+ night))(?![a-z])/g,
    examples: {
      flag: ["Next time I see that grass he's getting stabbed", 'Pay up or your house goes up in flames', "There's a device planted in the bus station"],
      noFlag: ["He's getting better in hospital", 'Your house is lovely'],
    },
  }),
  rule({
    id: 'threat.imperative',
    anchors: ['kill*', 'murder*', 'stab*', 'shank*', 'shoot*', 'shot', 'batter*', 'torch*', 'slash*', 'strangl*', 'chok*', 'lynch*', 'kidnap*', 'rape*', 'raping', 'knif*', 'petrol', 'firebomb*', 'fire', 'acid', 'behead*', 'glass*', 'leather*', 'throttl*', 'hurt*', 'hit*', 'punch*', 'slap*', 'jump*', 'cut*', 'burn*', 'hang*', 'hung', 'deck*', 'lamp*', 'twat*', 'whack*', 'bottl*', 'attack*', 'smash*', 'chin*', 'bang*', 'nut*', 'headbutt*', 'kick*', 'bash*', 'stamp*', 'beat*', 'knock*', 'set', 'slit*', 'break*', 'broken', 'string*', 'strung', 'do', 'done', 'put*', 'blow*', 'snap*', 'finish*', 'end', 'run', 'throw*', 'thrown', 'bullet', 'round', 'cap', 'slapping', 'hiding', 'smack', 'clip', 'gas*', 'die', 'rot', 'drown*', 'caved', 'sort*'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'threat-abuse-hate',
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'news', 'question', 'condemn'],
    explain: "Urges violence against someone: '{excerpt}'",
    pattern: new RegExp(
      `(?:^|[.!?\\n]\\s*|(?:just|someone|somebody|go|go and|lets|let's|we should|we need to)\\s)(?:just |go |go and |someone go and |all )?${THREAT_CORE}(?![a-z])|put (?:a |one )?(?:bullet|round|cap) in (?:him|her|them|his|her|their|you|ur|your)|(?:deserves?|needs?|wants?|could do with) (?:a |another )?(?:good |proper |right |real )?(?:slap|slapping|kicking|beating|good hiding|hiding|bullet|smack|battering|punch|clip round the ear)|(?:should|need to|needs to|must|ought to) (?:all )?(?:be )?(?:thrown off (?:a )?(?:buildings?|roofs?|bridges?)|put down|gassed|burned|burnt|lynched|shot|hanged|hung)|let (?:them|him|her|em) (?:all )?(?:die|rot|drown|burn)|(?:hope|wish|pray) (?:you|he|she|they|ur|your|his|her|their)(?: [a-z']+){0,3}? (?:gets?|get|has|have|is|are) (?:[a-z']+ ){0,3}?(?:kicked in|smashed in|smashed|broken|knocked out|caved in|stabbed|shot|battered|burnt|burned|torched|burns? down|set on fire|killed)|(?:hope|wish) (?:your|his|her|their) (?:house|car|shop|flat|home)(?: [a-z']+)? burns? down|sort (?:them|him|her|em) out (?:properly|good and proper|once and for all)`,
      'g',
    ),
    unless: FIGURATIVE,
    examples: {
      flag: ['hang the lot of them from lampposts', 'put a bullet in his head and be done with it', 'women like her deserve a slap', 'Hope your house burns down with you in it', 'they should all be gassed'],
      noFlag: ['Kill the engine when you park', 'He deserves a medal', 'Hit me up if you need a lift'],
    },
  }),
  rule({
    id: 'abuse.second-person',
    anchors: ['idiot*', 'moron*', 'scum*', 'slag*', 'cow', 'bitch', 'whore', 'slut', 'cunt', 'twat', 'prick', 'wanker', 'dickhead', 'bastard', 'tosser', 'knobhead', 'bellend', 'scrote*', 'grass', 'human', 'excuse', 'waste', 'nobody', 'no', 'noone', 'thug*', 'liar*', 'retard', 'mong', 'lowlife*', 'low', 'loser*', 'clown*', 'disgrace', 'vermin', 'animal*', 'pig*', 'degenerate*', 'cretin', 'imbecile', 'parasite*', 'freak', 'subhuman', 'worthless', 'pathetic', 'vile', 'thick', 'braindead', 'brain', 'brainless', 'filth', 'trash', 'rat*', 'snake', 'cockroach', 'maggot*', 'sewer', 'inbred', 'nonce*', 'paedo*', 'pedo', 'piece', 'pos', 'everyone'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'threat-abuse-hate',
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'question', 'condemn'],
    explain: "Abuses the person it is aimed at: '{excerpt}'",
    pattern:
      /(?<![a-z'])(?:you(?:'re| are|re|r| r)?|your|ur|u r|u are|you lot are|you lot r|you're all|you are all|ya|what a|such a) (?:a |an |such a |such an |the |just a |nothing but a |an absolute |a total |a complete |a fucking |a useless |a pathetic |an utter |all |lot of |bunch of |pack of )?(?:[a-z]+ ){0,2}(?:idiot|idiots|moron|morons|scum|scumbag|slag|slags|cow|bitch|whore|slut|cunt|twat|prick|wanker|dickhead|bastard|tosser|knobhead|bellend|scrote|scrotes|grass|human being|excuse for a [a-z]+|waste of oxygen|nobody|no one|thug|thugs|liar|liars|retard|mong|lowlife scum|scumbags|waste of space|waste of oxygen|waste of skin|waste of air|piece of shit|piece of crap|pos|lowlife|low life|lowlifes|loser|losers|clown|clowns|disgrace|vermin|animal|animals|pig|pigs|degenerate|degenerates|cretin|imbecile|parasite|parasites|freak|subhuman|worthless|pathetic|vile|thick as|braindead|brain dead|brainless|filth|trash|rat|rats|snake|cockroach|maggot|maggots|sewer rat|inbred|nonce|nonces|paedo|paedos|pedo|nobody)(?![a-z])|(?:nobody|no one|noone) (?:would|will|'d) (?:miss|care about|notice) (?:you|u|him|her)(?: if| when)?|(?:nobody|no one|noone|everyone) (?:likes|loves|wants|cares about|hates) (?:you|u)(?![a-z])/g,
    exclude: /(?:^|\s)(?:not|never|no|hardly)\s/,
    examples: {
      flag: ["you're a worthless waste of space", 'you lot are scum', 'u r a pathetic loser', 'you absolute moron'],
      noFlag: ["you're not an idiot for asking", 'Are you a special constable?', 'you are a credit to the force'],
    },
  }),
  rule({
    id: 'abuse.third-person',
    anchors: ['animal', 'bellend', 'bigot', 'bitch', 'coward', 'creep', 'cretin', 'cunt', 'degenerate', 'dickhead', 'dumbass', 'fascist', 'filth', 'idiot', 'idiots', 'imbecile', 'loser', 'losers', 'lowlife', 'lunatic', 'maniac', 'moron', 'morons', 'nazi', 'nonce', 'parasite', 'pervert', 'piece', 'pig', 'pos', 'prick', 'psycho', 'rat', 'retard', 'scum', 'scumbag', 'scumbags', 'slag', 'snake', 'thug', 'trash', 'twat', 'vermin', 'waste', 'waste', 'whore'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'threat-abuse-hate',
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'question', 'condemn', 'news'],
    explain: "Abuses the person it is about: '{excerpt}'",
    pattern: new RegExp(
      `(?:(?<![a-z])(?:he|she|they|this (?:guy|man|woman|bloke|lad|idiot|clown|person|fella)|that (?:guy|man|woman|bloke|lad|idiot|clown|person|fella)|your (?:mum|mom|dad|husband|wife|boss|mate|friend)|[a-z]{3,})(?:'s|'re| is| are| was| were| r)|(?<![a-z])(?:hes|shes|theyre))(?: (?:such|a|an|so|clearly|just|truly|really|total|complete|absolute|utter|the biggest|fucking|bloody|nothing but|obviously|definitely|literally|very|massive|proper|right|an absolute|a total|a complete|a right|a proper))*(?: [a-z]+)? (?:idiot|idiots|moron|morons|imbecile|cretin|scumbag|scumbags|scum|pig|snake|rat|loser|losers|piece of shit|pos|waste of space|waste of oxygen|bellend|twat|prick|dickhead|cunt|psycho|lunatic|maniac|creep|pervert|nonce|degenerate|lowlife|parasite|vermin|animal|thug|fascist|nazi|bigot|bitch|slag|whore|trash|filth|dumbass|retard|coward)(?![a-z])`,
      'g',
    ),
    exclude: /^(?:this|that|it|which|there|what|who|here|where|everything|nothing|something|anything)(?:'s| is| was)/,
    examples: {
      flag: ['she is a vile cunt', 'he is such a pathetic loser', 'this guy is a complete moron'],
      noFlag: ['He is not an idiot', 'this is a pig farm', 'Is he a moron?'],
    },
  }),
  rule({
    id: 'abuse.third-person-mild',
    anchors: ['clown', 'clowns', 'crook', 'crooks', 'disgrace', 'embarrassment', 'fool', 'fools', 'hypocrite', 'hypocrites', 'joke', 'liar', 'liars', 'muppet', 'numpty', 'plonker', 'racist', 'racists', 'sheep', 'snowflake', 'tosser', 'traitor', 'traitors', 'troll', 'trolls', 'wally'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'threat-abuse-hate',
    confidence: 'low',
    suppress: ['negation', 'quoted', 'question', 'condemn', 'news'],
    explain: "Insults the person it is about: '{excerpt}'",
    pattern: new RegExp(
      `(?:(?<![a-z])(?:he|she|they|this (?:guy|man|woman|bloke|lad|idiot|clown|person|fella)|that (?:guy|man|woman|bloke|lad|idiot|clown|person|fella)|your (?:mum|mom|dad|husband|wife|boss|mate|friend)|(?<=^|[^a-z])(?:he|she|they))(?:'s|'re| is| are| was| were| r)|(?<![a-z])(?:hes|shes|theyre))(?: (?:such|a|an|so|clearly|just|truly|really|total|complete|absolute|utter|the biggest|fucking|bloody|nothing but|obviously|definitely|literally|very|massive|proper|right|an absolute|a total|a complete|a right|a proper))*(?: [a-z]+)? (?:liar|liars|hypocrite|hypocrites|racist|racists|fool|fools|joke|clown|clowns|disgrace|embarrassment|troll|trolls|traitor|traitors|crook|crooks|snowflake|sheep|muppet|numpty|plonker|wally|tosser)(?![a-z])`,
      'g',
    ),
    exclude: /^(?:this|that|it|which|there|what|who|here|where|everything|nothing|something|anything)(?:'s| is| was)/,
    examples: {
      flag: ['She is such a disgusting hypocrite!', 'he is clearly a racist'],
      noFlag: ['That is a joke, right?', 'He is not a liar', 'The weather is a joke'],
    },
  }),
  rule({
    id: 'abuse.directed-profanity',
    anchors: ['fuck', 'fuk', 'f*ck', 'screw', 'sod', 'shut', 'stfu', 'go', 'suck', 'sucks', 'full', 'kiss', 'piss', 'eat', 'get', 'up', 'gtfo'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'threat-abuse-hate',
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'condemn', 'news'],
    explain: "Swears at someone: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:(?:fuck|fuk|f\*ck|screw|sod) (?:you|u|ya|yourself|urself|off|him|her|them|the lot of you|all of you)|shut (?:the fuck )?(?:up(?=$|[.!,?]| you| u | ya| mate| now| and| pal| love)|your (?:mouth|face|gob|trap))|stfu|gtfo|go to hell|you suck|(?:you|u)(?:'re| are| r) full of (?:shit|crap|it)|kiss my (?:ass|arse)|piss off|eat shit|get fucked|up yours)(?![a-z])/g,
    examples: {
      flag: ['@USER fuck you', 'shut up you clown', "you're full of shit"],
      noFlag: ['Shut up shop early tonight?', 'Calling people "fuck you" is vile, report it'],
    },
  }),
  rule({
    id: 'abuse.self-harm-incitement',
    anchors: ['kill*', 'kys', 'neck', 'die*', 'dies', 'dying', 'hang*', 'jump', 'bleach', 'cancer', 'rot', 'burn', 'raped', 'killed', 'covid'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'threat-abuse-hate',
    also: ['crime-grossly-offensive'],
    confidence: 'high',
    suppress: ['negation', 'quoted', 'condemn', 'news'],
    explain: "Tells someone to harm or kill themselves: '{excerpt}'",
    pattern:
      /(?<![a-z])(?:kill (?:yourself|urself|yourselves|ursel|yaself|yerself)|kys|neck (?:yourself|urself)|go (?:and )?(?:die|hang yourself|jump off a (?:bridge|cliff))|hang yourself|drink bleach|(?:hope|wish) (?:you|u|he|she|they) (?:die|dies|dying|get cancer|gets cancer|rot in hell|burn in hell|catch covid and die)|(?:i hope|hope) (?:your|his|her|their) (?:kids?|children|mum|family|daughter|son) (?:die|dies|gets? (?:raped|killed|cancer)))(?![a-z])/g,
    unless: FIGURATIVE,
    examples: {
      flag: ['kill yourself', 'kys loser', 'hope you die', 'go and hang yourself'],
      noFlag: ['telling someone to kill yourself is never okay', 'I hope you dont get caught in the rain'],
    },
  }),
];
