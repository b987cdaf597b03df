import { rule } from '../rule';

/**
 * Slurs and dehumanising language about the protected characteristics Annex 1 names
 * (disability, race, faith, gender, sexual orientation). Content warning: the terms are listed
 * unmasked because the engine has to recognise them.
 *
 * A slur aimed at people is both a removal matter (threat-abuse-hate) and, as hate speech,
 * a possible hate crime (crime-targeted-harassment-hate). Quoting a slur to condemn it or to
 * report what someone shouted is not.
 */

/** Groups defined by a protected characteristic, for the group-level patterns below. */
export const GROUPS =
  '(?:(?:disabled|black|asian|muslim|polish|gay|trans|jewish|romanian|immigrant|foreign|eastern european|african|indian|pakistani|somali|hindu|sikh|blind|deaf|autistic|albanian|kurdish|nigerian|afghan|syrian|chinese|arab|lesbian|migrant|refugee|traveller|gypsy) (?:[a-z]+s|people|men|women|lot|folk|kids|families|community)|(?:women|girls|men) like (?:her|him|them|that)|homos|lesbos|muslims?|moslems?|islamists?|jews|jewish people|blacks|black people|immigrants|migrants|asylum seekers|refugees|foreigners|illegals|gays|lesbians|homosexuals|queers|trans people|trannies|transgenders?|poles|polish|romanians|gypsies|gipsies|travellers|pakistanis|pakis|indians|somalis|africans|asians|hindus|sikhs|christians|catholics|arabs|chinese|disabled people|the disabled|cripples|retards|women|females|feminists|eastern europeans|albanians|kurds|nigerians|afghans|syrians|these people|their lot|that lot|this lot|you people)';

const SLURS_HIGH = [
  'nigger', 'niggers', 'nigguh', 'negroes', 'paki', 'pakis', 'chink', 'chinks', 'gook', 'gooks', 'spic', 'spics', 'wog', 'wogs', 'coon', 'coons', 'kike', 'kikes',
  'raghead', 'ragheads', 'towelhead', 'towelheads', 'sand nigger', 'jungle bunny', 'porch monkey', 'golliwog', 'darkie', 'darkies', 'wetback', 'wetbacks',
  'pikey', 'pikeys', 'gyppo', 'gyppos', 'gippo', 'pyky', 'zipperhead', 'sambo', 'muzzie', 'muzzies', 'muzzrat', 'muzrat', 'mussie', 'jihadi scum', 'yid', 'yids', 'shylock',
  'faggot', 'faggots', 'fag|low', 'fags|low', 'faggy', 'poof', 'poofs', 'poofter', 'poofters', 'batty boy', 'battyman', 'dyke', 'dykes', 'lezza', 'tranny', 'trannies', 'shemale', 'ladyboy',
  'retard', 'retards', 'retarded', 'spastic', 'spastics', 'spaz', 'spazz', 'spacker', 'mong', 'mongs', 'mongoloid', 'window licker', 'cripple|medium', 'cripples|medium',
  'feminazi|medium', 'femoid', 'femoids', 'chinky', 'chinkies', 'curry muncher', 'curry munchers', 'lesbo', 'lesbos', 'homo|medium', 'homos', 'bum boy', 'bumboy', 'cow worshipper', 'cow worshippers', 'goat shagger', 'goat shaggers', 'dot head', 'slant eyes', 'slanty', 'coconut|low', 'ching chong', 'sand monkey', 'tar baby', 'half caste|medium', 'mongy', 'spakka', 'trannie', 'shim', 'he-she',
];

export const hateRules = [
  rule({
    id: 'hate.slur',
    kind: 'lexicon',
    criterion: 'threat-abuse-hate',
    also: ['crime-targeted-harassment-hate'],
    confidence: 'high',
    suppress: ['quoted', 'condemn'],
    explain: "Uses the slur '{excerpt}' about a protected characteristic",
    terms: SLURS_HIGH,
    examples: {
      flag: ['go home you dirty p@ki', 'typical f4ggot behaviour', 'what a retard', 'muzzies out'],
      noFlag: [
        'He shouted "paki" at my son, please help',
        'Calling someone a retard is disgusting and there is no place for it',
        'Mongolia is beautiful',
      ],
    },
  }),
  rule({
    id: 'hate.dehumanise-group',
    anchors: ['vermin', 'beggars', 'pickpockets', 'thieves', 'criminals', 'scroungers', 'dirty', 'filthy', 'burden*', 'rabbits', 'flies', 'taking', 'cow', 'groomers', 'paedophiles', 'animals', 'cockroaches', 'rats', 'parasites', 'scum', 'filth', 'savages', 'subhuman', 'sub-human', 'sub', 'disease', 'plague', 'cancer', 'invaders', 'inbred*', 'dogs', 'pigs', 'apes', 'monkeys', 'lice', 'leeches', 'rapists', 'terrorists', 'paedos', 'nonces', 'disgusting', 'virus', 'human', 'people', 'infestation'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'threat-abuse-hate',
    also: ['crime-targeted-harassment-hate'],
    confidence: 'high',
    suppress: ['quoted', 'negation', 'condemn', 'news'],
    explain: "Describes a protected group as less than human: '{excerpt}'",
    pattern: new RegExp(
      `(?<![a-z])(?:all |these |those |the |bloody |filthy |dirty )?${GROUPS}(?: [a-z]+){0,2}? (?:are|r|is|=|being|should be treated like|breed like|round here are|are all|are just)(?: all| just| nothing but| like| basically| literally)? (?:a |an |the |dirty |filthy |thieving |lazy |stinking |useless )?(?:vermin|beggars|pickpockets|thieves|criminals|scroungers|dirty|filthy|a burden|burdens|rabbits|flies|taking our jobs|cow worshippers|groomers|paedophiles|animals|cockroaches|rats|parasites|scum|filth|savages|subhuman|sub-human|a disease|a plague|a cancer|invaders|inbred|inbreds|dogs|pigs|apes|monkeys|lice|leeches|rapists|terrorists|paedos|nonces|disgusting|a virus|not human|not people|an infestation)(?![a-z])`,
      'g',
    ),
    examples: {
      flag: ['Muslims are vermin', 'these immigrants are cockroaches', 'travellers are all thieves and animals', 'gays are a disease'],
      noFlag: ['Saying muslims are vermin is hate speech, report it', 'Refugees are people like us', 'The mosque open day was lovely'],
    },
  }),
  rule({
    id: 'hate.group-insult',
    anchors: ['scum', 'vermin', 'filth', 'rats', 'parasites', 'scroungers', 'animals', 'savages', 'bastards', 'cunts', 'pigs', 'dogs', 'rapists', 'invaders', 'trash', 'rubbish', 'cockroaches', 'typical', 'control*', 'run', 'runs', 'own', 'owns', 'rule', 'rules', 'allowed', 'same', 'all', 'always', 'back', 'ungrateful', 'lazy', 'dirty', 'filthy', 'subhuman', 'sub-human', 'sub', 'infestation', 'plague', 'lot'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'threat-abuse-hate',
    also: ['crime-targeted-harassment-hate'],
    confidence: 'medium',
    suppress: ['quoted', 'negation', 'condemn', 'news'],
    explain: "Abuses people for a protected characteristic: '{excerpt}'",
    pattern: new RegExp(
      `(?<![a-z])(?:(?:polish|romanian|muslim|paki|black|asian|immigrant|foreign|gay|trans|jewish|gypsy|pikey|traveller|albanian|eastern european|disabled|indian|african|somali|kurdish|migrant|refugee|arab|chinese) (?:scum|vermin|filth|rats|parasites|scroungers|animals|savages|bastards|cunts|pigs|dogs|rapists|invaders|trash|rubbish|cockroaches)|typical (?:black|asian|muslim|paki|pole|polish|romanian|jew|gypsy|pikey|immigrant|foreigner|woman|female|gay|tranny|indian|albanian|african)(?![a-z])|(?:jews|muslims|zionists|the jews|immigrants) (?:control|run|own|rule) (?:the |our )?(?:police|media|banks|government|world|country|council|courts)|${GROUPS} (?:shouldn't|should not|should never) be allowed (?:to|near|in|around)|(?:these|those|you) (?:people|lot) (?:are all the same|are all|always)|(?:go|get) back (?:home|to (?:africa|pakistan|poland|romania|india|your country|where you came from|where you belong))|(?:vermin|scum|animals|parasites|filth|cockroaches|rats|savages),? the lot of (?:them|em|'em)|(?:they're|they are|theyre|they r) (?:all |just |nothing but |literally )?(?:vermin|cockroaches|parasites|subhuman|sub-human|savages|an infestation|a plague|invaders|animals)|(?:ungrateful|lazy|dirty|filthy) (?:immigrant|foreign|migrant|muslim|paki|polish|romanian|black|asian)s?)(?![a-z])`,
      'g',
    ),
    examples: {
      flag: ['Polish scum taking our jobs', 'typical black, always robbing', 'Jews control the police, wake up people', 'go back home'],
      noFlag: ['Polish deli opening on Narborough Road', 'Calling people Polish scum is disgusting', 'I went back home early'],
    },
  }),
  rule({
    id: 'hate.remove-group',
    anchors: ['deport*', 'gas*', 'exterminat*', 'wipe*', 'wiped', 'kill*', 'shoot*', 'shot', 'hang*', 'hung', 'burn*', 'rid', 'round*', 'ship*', 'kick*', 'send*', 'sent', 'string*', 'bomb*', 'drown*', 'sink*', 'go', 'die', 'put', 'back', 'boat*', 'camp*', 'oven*', 'chamber*', 'kitchen'],
    kind: 'pattern',
    on: 'folded',
    criterion: 'threat-abuse-hate',
    also: ['crime-targeted-harassment-hate'],
    confidence: 'high',
    suppress: ['quoted', 'negation', 'condemn', 'news'],
    explain: "Calls for a protected group to be removed or harmed: '{excerpt}'",
    pattern: new RegExp(
      `(?<![a-z])(?:(?:deport|gas|exterminate|wipe out|kill|shoot|hang|burn|get rid of|round up|ship out|kick out|send back|string up|bomb|drown|sink the boats? of)(?: all)?(?: the| these| those| them)? ${GROUPS}|${GROUPS} (?:should|need to|must|ought to) (?:all )?(?:be )?(?:deported|gassed|exterminated|wiped out|killed|shot|hanged|hung|burned|burnt|rounded up|sent back|go back|die|be put down|put down)|go back to (?:your|their) own (?:country|countries)|send (?:them|em|'em|the lot of (?:them|em)|all of (?:them|em)|them all) (?:all )?back|(?:put|throw) (?:them|em) (?:all )?(?:in|on) (?:a |the )?(?:boat|camp|oven|gas chamber)s?|(?:women|females) (?:belong|should stay) in the kitchen|(?:should|need to) be gassed)(?![a-z])`,
      'g',
    ),
    examples: {
      flag: ['deport the lot of them, send them all back', 'go back to your own country', 'Muslims should be deported', 'exterminate the gypsies'],
      noFlag: ['The Home Office said migrants would be sent back to France under the deal, court heard', 'Nobody should tell anyone to go back to their own country'],
    },
  }),
];
