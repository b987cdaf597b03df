import { rule } from '../rule';

/**
 * Offensive language. Words are matched as whole tokens after folding, so place names and
 * ordinary words that contain them (Scunthorpe, Penistone, Cockermouth, assessment, class)
 * never match. Mild words (bloody, damn, crap, hell) are left alone: page filters and common
 * sense cover them and removing them would look heavy-handed.
 */
export const offensiveRules = [
  rule({
    id: 'offensive.strong-stems',
    kind: 'lexicon',
    criterion: 'offensive-language',
    confidence: 'high',
    prefix: true,
    explain: "Uses the offensive word '{excerpt}'",
    suppress: ['quoted'],
    terms: ['fuck', 'fucking', 'fuckin', 'fucked', 'fucker', 'fuckers', 'fucks', 'cunt', 'cunts', 'motherfucker', 'motherfuckers', 'motherfucking', 'mofo'],
    examples: {
      flag: ['What the fuck is going on here', 'f u c k this', 'absolute c*nt', 'fuuuuuck off', 'fuckwits the lot of them', 'ƒuck'],
      noFlag: ['Scunthorpe United won again', 'great result'],
    },
  }),
  rule({
    id: 'offensive.swearing',
    kind: 'lexicon',
    criterion: 'offensive-language',
    confidence: 'medium',
    suppress: ['quoted'],
    explain: "Uses the offensive word '{excerpt}'",
    terms: [
      'fk', 'fkn', 'fking', 'fcking', 'fkin', 'fcuk', 'fuk', 'fukin', 'fuking', 'fukn', 'phuck', 'wtf', 'stfu', 'gtfo', 'ffs',
      'shit', 'shits', 'shite', 'shitty', 'shitting', 'shitted', 'shithead', 'shitheads', 'shitbag', 'shitbags', 'shithole', 'shitshow', 'bullshit', 'horseshit', 'dipshit', 'batshit', 'apeshit',
      'twat', 'twats', 'twatted', 'wanker', 'wankers', 'wank', 'wanking', 'wanky',
      'dickhead', 'dickheads', 'dickhed', 'prick', 'pricks', 'bellend', 'bellends', 'bell-end', 'knobhead', 'knobheads', 'knobend', 'nobhead',
      'arsehole', 'arseholes', 'asshole', 'assholes', 'arsewipe', 'asswipe', 'dumbass', 'jackass', 'dumbarse', 'smartarse', 'fatass',
      'bastard', 'bastards', 'bollocks', 'bollox', 'tosser', 'tossers', 'tosspot', 'cocksucker', 'cocksuckers', 'douchebag', 'douche',
      'bitch', 'bitches', 'bitchy', 'biatch', 'slag', 'slags', 'slut', 'sluts', 'slutty', 'whore', 'whores', 'skank', 'skanks', 'skanky', 'hoe', 'hoes',
      'piss off', 'pissed off', 'pisstake', 'piss take', 'take the piss', 'taking the piss', 'pissing', 'pisshead', 'piss',
      'scumbag', 'scumbags', 'minger', 'munter', 'numpty|low', 'muppet|low', 'pillock|low', 'plonker|low', 'git|low', 'sod off|low', 'bugger off|low',
      'cock|low', 'cocks|low', 'dick|low', 'dicks|low', 'pussy|low', 'pussies|low', 'arse|low', 'ass|low', 'tits|low', 'nob|low', 'knob|low',
      'nigga|low', 'niggas|low', 'hoe ass', 'bad bitch',
    ],
    examples: {
      flag: ['absolute sh1t service', 'you lot are a bunch of wankers', 'what a bellend', 'b*tch please', 'p r i c k', 'piss off'],
      noFlag: ['Penistone and Cockermouth', 'An assessment of the class', 'classic passage from Dickens', 'bloody hell, damn it', 'Hancock said', 'the cocktail bar'],
    },
  }),
];
