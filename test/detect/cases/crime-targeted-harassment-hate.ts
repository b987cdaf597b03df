import type { CriterionCases } from './types';

export const cases: CriterionCases = {
  criterion: 'crime-targeted-harassment-hate',
  flag: [
    { text: 'go back to where you came from you dirty paki', expect: 'paki' },
    { text: 'muslims are vermin and should be driven out of Leicester', expect: 'vermin' },
    { text: '@amira_k shut up you towelhead', expect: 'towelhead' },
    { text: 'faggots like you make me sick', expect: 'faggots' },
    { text: 'disabled scroungers should be put down', expect: 'put down' },
    { text: "the pikeys on the site at Meynell's Gorse are subhuman", expect: 'pikeys' },
    { text: 'Jews are parasites', expect: 'parasites' },
    { text: "she's a tranny freak and someone should batter her", expect: 'tranny' },
    { text: 'that spastic in the wheelchair deserved it', expect: 'spastic' },
    { text: 'chinky takeaway probably sold the dog meat', expect: 'chinky' },
    { text: 'all the Romanians in Leicester are rats, gas them', expect: 'rats' },
    { text: 'typical black, always robbing', expect: 'typical black' },
    { text: "lesbos shouldn't be allowed to adopt, it's child abuse", expect: 'lesbos' },
    { text: "mongs and retards shouldn't be allowed out without a carer", expect: 'retards' },
    { text: 'Hindus are dirty cow worshippers', expect: 'dirty cow worshippers' },
    { text: 'the only good muzzie is a dead one', expect: 'muzzie' },
    { text: 'homos should be thrown off buildings', expect: 'homos' },
    { text: '@priya.leics you filthy curry muncher, go home', expect: 'curry muncher' },
    { text: 'blind people are a burden, let them die', expect: 'a burden' },
    { text: 'another wog stabbing, surprise surprise', expect: 'wog' },
    { text: 'sand n*ggers are taking over Highfields', expect: 'n*ggers' },
    { text: 'gyppos nicked it, guaranteed', expect: 'gyppos' },
    { text: 'bunch of dykes at the Pride march, disgusting', expect: 'dykes' },
    { text: 'Polish scum taking our jobs', expect: 'Polish scum' },
    { text: 'Asians breed like rabbits', expect: 'breed like rabbits' },
    {
      text: 'You again @carla_m? Nobody wants you here you pathetic cow',
      context: {
        recentByAuthor: [
          "@carla_m you're a pathetic attention seeker",
          '@carla_m nobody likes you, shut up',
          '@carla_m pathetic as always',
        ],
      },
      why: 'persistent abuse of one person',
      expect: 'pathetic cow',
    },
    {
      text: 'still here @dan_pryce? useless loser',
      context: {
        recentByAuthor: ["@dan_pryce you're a useless loser", '@dan_pryce get off this page loser'],
      },
      why: 'persistent abuse of one person',
      expect: 'useless loser',
    },
    {
      text: "Hey Sophie, thought I'd remind you again what a fat ugly waste of space you are",
      context: {
        recentByAuthor: [
          'Sophie you fat ugly waste of space',
          'Sophie nobody wants you here',
          "Sophie why don't you just disappear",
        ],
      },
      why: 'persistent abuse of one person',
      expect: 'waste of space',
    },
    {
      text: '@mo_hussain nobody believes you, liar',
      context: {
        recentByAuthor: [
          '@mo_hussain liar',
          '@mo_hussain you lie about everything you sad little man',
          '@mo_hussain liar liar',
        ],
      },
      why: 'persistent abuse of one person',
      expect: 'liar',
    },
    {
      text: "Told you Kerry, I'll keep posting till you leave the estate, slag",
      context: {
        recentByAuthor: ['Kerry you slag leave the estate', "Kerry everyone knows you're a slag"],
      },
      why: 'persistent abuse of one person',
      expect: 'slag',
    },
    {
      text: "@jay_leics day 5 of reminding you you're a fat waste of skin",
      context: {
        recentByAuthor: [
          "@jay_leics day 4 of reminding you you're a fat waste of skin",
          "@jay_leics day 3 of reminding you you're a fat waste of skin",
        ],
      },
      why: 'persistent abuse of one person',
      expect: 'waste of skin',
    },
    {
      text: 'you people are all the same, ungrateful immigrant scroungers, go back home',
      expect: 'go back home',
    },
  ],
  noFlag: [
    { text: 'report hate crime on 101', why: 'discussion of hate crime' },
    {
      text: 'Anti-Semitism is on the rise, please report any incidents you see',
      why: 'discussion of hate crime',
    },
    {
      text: 'Hate crime has no place in Leicester, well done for the arrest',
      why: 'counter-speech',
    },
    {
      text: "calling people 'vermin' is disgusting, report it",
      why: 'counter-speech quoting abuse',
    },
    {
      text: "Stop calling people 'retards' in the comments, it's vile",
      why: 'counter-speech quoting abuse',
    },
    {
      text: "Someone called my daughter a 'paki' at the bus stop. She's 12. If you saw it please call 101.",
      why: 'a parent reporting abuse, quoting it',
    },
    {
      text: 'Spastic is a horrible word and I told the lad who shouted it exactly that',
      why: 'counter-speech',
    },
    {
      text: 'Man fined for racially abusing a bus driver in Loughborough',
      why: 'news-style report',
    },
    {
      text: 'Two men arrested after homophobic attack outside a bar in town',
      why: 'news-style report',
    },
    {
      text: "you're a muppet",
      why: 'a single mild insult, no protected characteristic, no history',
    },
    { text: "You're an idiot for parking there mate", why: 'a single mild insult, no history' },
    { text: "@dan_pryce you're talking rubbish", why: 'a single mild insult, no history' },
    {
      text: '@carla_m thanks for sharing x',
      context: { recentByAuthor: ['@carla_m any news?', "@carla_m hope she's found soon"] },
      why: 'history with the same person, but none of it abusive',
    },
    {
      text: '@mo_hussain fair point, I take it back',
      context: {
        recentByAuthor: [
          "@mo_hussain not sure that's right",
          '@mo_hussain where did you read that?',
        ],
      },
      why: 'disagreement, not abuse',
    },
    { text: 'Great to see the force at Pride 🏳️‍🌈', why: 'neutral mention of a group' },
    {
      text: 'The Jewish community centre in Leicester does amazing work',
      why: 'neutral mention of a group',
    },
    {
      text: 'Muslim volunteers handed out food to the search teams all night 💚',
      why: 'neutral mention of a group',
    },
    {
      text: 'Disabled parking bays at the hospital are always full',
      why: 'neutral mention of disability',
    },
    {
      text: 'My son is autistic and the officers were brilliant with him',
      why: 'neutral mention of disability',
    },
    {
      text: 'Travellers have moved onto the field off Gorse Hill, anyone know who to contact?',
      why: 'neutral mention of a group',
    },
    { text: 'The Polish deli on Narborough Road is the best', why: 'neutral mention of a group' },
    {
      text: 'Women’s safety walk in Victoria Park on Thursday, all welcome',
      why: 'neutral mention of a group',
    },
    {
      text: 'Trans people are just trying to live their lives, leave them alone',
      why: 'counter-speech',
    },
    {
      text: 'Black History Month event at the library was brilliant',
      why: 'neutral mention of a group',
    },
    {
      text: 'The Hindu temple on Belgrave Road had a lovely Navratri celebration',
      why: 'neutral mention of a group',
    },
    {
      text: 'Leicester is one of the most diverse cities in the UK and proud of it',
      why: 'neutral',
    },
    {
      text: "I'm gay and I've always felt safe reporting things to Leicestershire Police",
      why: 'self-description',
    },
    {
      text: 'Rats in the bins behind the takeaways on Narborough Road again, council please sort it',
      why: '"rats" about actual rats',
    },
    {
      text: 'Sign language interpreters at the public meeting, brilliant idea',
      why: 'neutral mention of disability',
    },
    {
      text: "You're wrong about the closure, it's Groby Road not Anstey Lane",
      why: 'a disagreement',
    },
    {
      text: 'The Asian business forum is holding a crime prevention evening next week',
      why: 'neutral mention of a group',
    },
    {
      text: 'Blind people need more support getting around town, the new crossings are dangerous',
      why: 'neutral mention of disability',
    },
  ],
};
