import type { CriterionCases } from './types';

export const cases: CriterionCases = {
  criterion: 'threat-abuse-hate',
  flag: [
    { text: "I'll stab him if I see him round here again", expect: 'stab' },
    { text: "you're dead when I find you", expect: "you're dead" },
    {
      text: 'someone should burn their house down, see how they like it',
      expect: 'burn their house down',
    },
    { text: "@leics_dan you're a worthless waste of space", expect: 'worthless waste of space' },
    { text: 'Pakis ruining the city', expect: 'Pakis' },
    { text: 'send them all back on the boats, vermin the lot of them', expect: 'vermin' },
    { text: "retards like you shouldn't be allowed to drive", expect: 'retards' },
    { text: "gays are disgusting and shouldn't be allowed near kids", expect: 'disgusting' },
    { text: 'Muslims are a cancer on this country', expect: 'cancer' },
    {
      text: 'someone needs to go down that mosque and sort them out properly 🔥',
      expect: 'sort them out',
    },
    { text: "trannies aren't real women, they're freaks", expect: 'trannies' },
    { text: 'you ugly fat slag, nobody would miss you', expect: 'nobody would miss you' },
    { text: 'I hope you get your head kicked in', expect: 'head kicked in' },
    { text: 'you thick inbred scum', expect: 'scum' },
    { text: 'the blacks round here are animals', expect: 'animals' },
    { text: "I'll smash your face in you mug", expect: 'smash your face in' },
    { text: 'gypsies are thieving pikeys, every single one of them', expect: 'pikeys' },
    { text: 'Jews control the police, wake up people', expect: 'Jews control' },
    { text: 'hang the lot of them from lampposts', expect: 'hang the lot of them' },
    { text: "you're pathetic and your kids will grow up hating you", expect: 'pathetic' },
    { text: 'mongs like him should be locked away', expect: 'mongs' },
    { text: 'put a bullet in his head and be done with it', expect: 'bullet in his head' },
    { text: 'poofs everywhere now, sick of it', expect: 'poofs' },
    { text: 'women like her deserve a slap', expect: 'deserve a slap' },
    { text: 'Go back to your own country you p***', expect: 'go back to your own country' },
    { text: 'they should all be gassed', expect: 'gassed' },
    {
      text: "you're a disgusting human being and everyone on this page hates you",
      expect: 'disgusting human being',
    },
    { text: "wait till I catch you on your own, you won't walk again", expect: "won't walk again" },
    { text: 'Romanians are all beggars and pickpockets. Filth.', expect: 'beggars' },
    { text: 'kill all the nonces, starting with him', expect: 'kill all' },
    {
      text: "you're a waste of oxygen mate, do us all a favour and jump",
      expect: 'waste of oxygen',
    },
    { text: 'Hope your house burns down with you in it', expect: 'burns down' },
  ],
  noFlag: [
    {
      text: "calling people 'vermin' is disgusting, report it",
      why: 'counter-speech quoting abuse',
    },
    { text: 'nobody is threatening anyone, calm down', why: 'negation' },
    { text: 'this traffic is killing me 😩', why: 'figurative' },
    { text: 'I could murder a curry after that shift', why: 'figurative' },
    { text: 'she killed it at the gig on Saturday 🎤', why: 'figurative' },
    { text: 'Man, 34, charged with threatening to kill neighbour', why: 'news-style report' },
    {
      text: 'Woman arrested on suspicion of racially aggravated public order offence in Loughborough',
      why: 'news-style report',
    },
    {
      text: 'Pensioner, 81, targeted in racist attack. Police appeal for witnesses',
      why: 'news-style report',
    },
    {
      text: "The court heard he called the victim a 'worthless waste of space' before punching him",
      why: 'news-style quote',
    },
    {
      text: 'the mosque open day was lovely, thank you to everyone who came',
      why: 'neutral mention of a group',
    },
    {
      text: 'Great to see officers at Leicester Pride, love is love 🏳️‍🌈',
      why: 'neutral mention of a group',
    },
    { text: 'Eid Mubarak to all our Muslim neighbours 🌙', why: 'neutral mention of a group' },
    { text: 'Report hate crime on 101 or through True Vision', why: 'discussion of hate crime' },
    {
      text: "Someone shouted 'go back to your own country' at my mum in the Co-op. Reported it. Disgraceful.",
      why: 'counter-speech quoting abuse',
    },
    {
      text: "Using words like 'retard' isn't banter, it's hate. Well done for the arrest.",
      why: 'counter-speech',
    },
    { text: "There's no place for racism in Leicester. Full stop.", why: 'counter-speech' },
    {
      text: 'Gay couple attacked in town. Sickening. Hope they catch them.',
      why: 'counter-speech',
    },
    { text: "I'm not going to burn anything down, I just want answers", why: 'negation' },
    {
      text: 'Please do not threaten anyone on this page, let the police deal with it',
      why: 'negation',
    },
    {
      text: "My son has Down's syndrome and the officers were so kind with him",
      why: 'neutral mention of disability',
    },
    {
      text: 'The Diwali lights switch-on was amazing, well policed 👏',
      why: 'neutral mention of faith',
    },
    { text: 'These roadworks are murder, three weeks and counting', why: 'figurative' },
    { text: 'Absolutely slayed the quiz night 😂', why: 'figurative' },
    { text: "I'd kill for a day off", why: 'figurative' },
    {
      text: "My neighbour is Polish and she's the kindest woman I know",
      why: 'neutral mention of a group',
    },
    {
      text: 'The synagogue on Highfield Street is holding a community iftar with the mosque next week, brilliant',
      why: 'neutral mention of faith',
    },
    {
      text: 'Deaf awareness training for officers is a great idea',
      why: 'neutral mention of disability',
    },
    {
      text: 'The town centre is dead on a Monday night, more patrols would help',
      why: 'figurative',
    },
    { text: "I'm dying 😂😂 that police horse stealing the sandwich", why: 'figurative' },
    {
      text: "Lads, I'm going to smash this half marathon tomorrow, wish me luck",
      why: 'figurative',
    },
    {
      text: 'The trans community in Leicester deserves better protection, glad to see this',
      why: 'neutral mention of a group',
    },
    {
      text: 'That pothole on Groby Road is going to kill someone one day, please fix it',
      why: 'a safety complaint, not a threat',
    },
  ],
};
