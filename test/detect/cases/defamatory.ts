import type { CriterionCases } from './types';

export const cases: CriterionCases = {
  criterion: 'defamatory',
  flag: [
    { text: 'Dave Morris is a paedo', expect: 'paedo' },
    {
      text: 'the manager at Quick Fix Garage steals from customers',
      expect: 'steals from customers',
    },
    { text: '@jbloggs deals drugs from his flat', expect: 'deals drugs' },
    {
      text: 'The owner of Kebab King on Narborough Road sells stolen phones out the back',
      expect: 'sells stolen phones',
    },
    { text: 'Gary Thorne beats his wife, ask anyone on Cromer Street', expect: 'beats his wife' },
    {
      text: "Don't use Brightway Lettings, they're crooks who keep your deposit",
      expect: 'crooks',
    },
    { text: 'Mandy Healey fiddles the books at the community centre', expect: 'fiddles the books' },
    {
      text: 'Shaz at the Spar on Welford Road is selling fake vapes to kids',
      expect: 'selling fake vapes',
    },
    { text: 'Councillor Pete Abbott takes bribes from developers', expect: 'takes bribes' },
    {
      text: "Aaron Dyer is the one who's been nicking the catalytic converters",
      expect: 'nicking',
    },
    {
      text: "Lakeside Motors sold me a car they knew was stolen, they're running a scam",
      expect: 'running a scam',
    },
    { text: 'The landlord of the Fox and Hounds is a drug dealer', expect: 'drug dealer' },
    { text: 'Tom Beasley is a nonce, keep your kids away from him', expect: 'nonce' },
    { text: '@mick_pearce_lfc is a rapist and lies about it', expect: 'rapist' },
    { text: "Rita Okoro claims benefits and works cash in hand, she's a fraud", expect: 'fraud' },
    {
      text: 'The head of Hollybank Nursery hits the children, my niece saw it',
      expect: 'hits the children',
    },
    { text: "Sunny's Car Wash is a front for money laundering", expect: 'money laundering' },
    { text: "that scrote Kieran Walsh burgled my mum's house, everyone knows", expect: 'burgled' },
    { text: 'Dr Hussain at the Highfields surgery is a fake doctor', expect: 'fake doctor' },
    { text: 'The bloke who runs Top Cuts barbers on Belgrave Road is a pimp', expect: 'pimp' },
    {
      text: 'Lee Carver sets fire to his own cars for the insurance money',
      expect: 'insurance money',
    },
    {
      text: 'Jenna Platt is a thief, she robbed the charity pot at the school fair',
      expect: 'thief',
    },
    {
      text: "Pearson's Builders are cowboys who rip off pensioners and never finish the job",
      expect: 'rip off pensioners',
    },
    {
      text: '@leicesterbargains sells counterfeit gear and launders money for the Highfields lot',
      expect: 'counterfeit',
    },
    {
      text: 'The manager of the Co-op on Hinckley Road sells booze to 14 year olds',
      expect: 'sells booze to 14 year olds',
    },
    { text: 'Sam Reddy was the one who ran over that dog and drove off', expect: 'ran over' },
    { text: 'Darren Chaudhry is a wife beater and a liar', expect: 'wife beater' },
    { text: 'Brian Nuttall from the allotment society embezzled the funds', expect: 'embezzled' },
    {
      text: "Gemma Wood's partner runs county lines out of her house",
      expect: 'runs county lines',
    },
    {
      text: 'The owner of Golden Dragon takeaway uses slave labour in the kitchen',
      expect: 'slave labour',
    },
    { text: "Kev from Kev's Autos clocks every car he sells", expect: 'clocks every car' },
    {
      text: 'FYI Nathan Cole from the gym is a dealer. Sells coke in the changing rooms',
      expect: 'dealer',
    },
  ],
  noFlag: [
    { text: 'Police have charged Dave Morris with two counts of fraud', why: 'news style' },
    {
      text: 'Aaron Dyer has been charged with theft and will appear at Leicester Magistrates Court',
      why: 'news style',
    },
    {
      text: 'A 45-year-old man from Syston has been arrested on suspicion of fraud',
      why: 'news style, no one identified',
    },
    {
      text: 'Police say a woman has been charged with theft from a charity collection',
      why: 'news style, no one identified',
    },
    { text: 'Darren Chaudhry was found not guilty yesterday', why: 'news style' },
    {
      text: 'Gary Thorne allegedly assaulted a man outside the pub, according to the report',
      why: '"allegedly" with a source',
    },
    {
      text: 'Allegedly the landlord of the Fox and Hounds has been questioned, but nobody knows the facts yet',
      why: '"allegedly"',
    },
    { text: 'Is it true the manager at Quick Fix Garage was arrested?', why: 'a question' },
    {
      text: 'Does anyone know if Shaz at the Spar is OK? Heard there was a robbery',
      why: 'a question',
    },
    { text: "Was it Lee Carver's car that got burnt out? Hope he's ok", why: 'a question' },
    { text: "John isn't a thief, he's been helping with the search all day", why: 'negated' },
    {
      text: "I don't think Tom Beasley did anything wrong, people need to stop gossiping",
      why: 'negated',
    },
    {
      text: "Sam Reddy isn't the one who ran over the dog, it was a white van, I saw it",
      why: 'negated',
    },
    {
      text: 'the service at Kebab King is awful, waited 40 mins for a wrap',
      why: 'opinion, not a factual allegation',
    },
    { text: 'Lakeside Motors are overpriced IMO but the staff are friendly', why: 'opinion' },
    { text: "Pearson's Builders were slow but the work was decent", why: 'opinion' },
    {
      text: 'Dr Hussain at Highfields surgery is always running late, drives me mad',
      why: 'opinion',
    },
    { text: 'Anyone else had a bad experience with Top Cuts? Shocking fade 😂', why: 'opinion' },
    { text: "Kev's Autos is a bit pricey but honest", why: 'opinion' },
    { text: 'there are thieves around here, lock your sheds', why: 'about nobody in particular' },
    {
      text: "Someone's been nicking catalytic converters on our street again",
      why: 'about nobody in particular',
    },
    {
      text: 'Loads of drug dealing goes on round the back of the flats on Cromer Street',
      why: 'about nobody in particular',
    },
    {
      text: 'Thieves who target pensioners are the lowest of the low',
      why: 'about nobody in particular',
    },
    { text: 'I reckon whoever set the fires lives locally', why: 'about nobody in particular' },
    {
      text: 'Some of these dodgy car washes should be checked out by the council',
      why: 'about nobody in particular',
    },
    { text: 'Brightway Lettings were really helpful when we got burgled', why: 'positive' },
    { text: 'Mandy Healey does a brilliant job running the community centre', why: 'positive' },
    {
      text: 'Councillor Pete Abbott, please can we have more street lights on Cromer Street?',
      why: 'a request',
    },
    { text: "Sunny's Car Wash did a great job on my van", why: 'positive' },
    { text: 'Jenna Platt raised £2,000 for the hospice, what a star', why: 'positive' },
    {
      text: 'The owner of the Golden Dragon gave free meals to the search volunteers 🥡',
      why: 'positive',
    },
    {
      text: "Brian Nuttall has done wonders with the allotment, it's never looked better",
      why: 'positive',
    },
  ],
};
