import type { DetectContext } from '../../../lib/detect/types';
import type { CriterionCases } from './types';

/** An officer whose name the moderator has listed as protected. */
const officer: DetectContext = {
  protectedNames: [{ name: 'Sarah Whitlock', variants: ['Whitlock'], role: 'officer' }],
};

export const cases: CriterionCases = {
  criterion: 'identifies-officer',
  flag: [
    {
      text: 'PC 4471 is bent and takes bribes, everyone on the estate knows it',
      expect: 'PC 4471',
    },
    { text: 'I know where PC Dawson lives. Nice house on Meadow Lane 😉', expect: 'PC Dawson' },
    {
      text: 'Sgt Hollis you want to watch your back, seen your kids at the park on Sunday',
      expect: 'Sgt Hollis',
    },
    { text: 'DC 567 planted evidence on my cousin, fact', expect: 'DC 567' },
    { text: 'PC Rana is a corrupt lying pig who beats up kids', expect: 'PC Rana' },
    {
      text: 'Sarah Whitlock lives in Anstey and her kids go to the primary there',
      context: officer,
      expect: 'Sarah Whitlock',
    },
    {
      text: "whitlock is a disgrace of a human being, hope she gets what's coming to her",
      context: officer,
      expect: 'whitlock',
    },
    {
      text: "Sarah Whitlock's husband drives a black BMW, I can get the reg if anyone wants it",
      context: officer,
      expect: 'Sarah Whitlock',
    },
    {
      text: 'PC2290 is a thieving scumbag who nicked cash out my mates car during a search',
      expect: 'PC2290',
    },
    { text: 'DS Khan is on the take from the dealers on Saffron Lane', expect: 'DS Khan' },
    {
      text: "Inspector Morley's wife works at the Co-op in Syston, maybe someone should pay her a visit",
      expect: 'Inspector Morley',
    },
    { text: 'PCSO Gill is a fat useless waste of oxygen', expect: 'PCSO Gill' },
    {
      text: 'That PC 1893 is a racist thug who assaulted my brother, he should be sacked',
      expect: 'PC 1893',
    },
    {
      text: 'Detective Sergeant Albright drinks on duty. Seen it with my own eyes.',
      expect: 'Detective Sergeant Albright',
    },
    {
      text: "Found PC Ward on facebook, got her address and her kids' names. Not so brave now",
      expect: 'PC Ward',
    },
    { text: "Sgt 1432 you're going to get hurt one of these nights", expect: 'Sgt 1432' },
    {
      text: 'PC 3310 lies in every statement he writes, total fabrication every time',
      expect: 'PC 3310',
    },
    { text: 'PC Lennox is a nonce', expect: 'PC Lennox' },
    {
      text: 'Ch Insp Barrow lives two doors from my nan, I see her car there every night. Silver Kuga.',
      expect: 'Ch Insp Barrow',
    },
    { text: 'DC Pryce fitted my son up and everyone at that station knows it', expect: 'DC Pryce' },
    { text: 'Special Constable Moyo is a thick ugly cow', expect: 'Special Constable Moyo' },
    {
      text: 'PC Hargreaves starts his shift at 6, parks on Welland Street. Just saying.',
      expect: 'PC Hargreaves',
    },
    {
      text: 'PC Stone is a bent copper who sells seized drugs back to the dealers',
      expect: 'PC Stone',
    },
    { text: "I'll find out where PC 4471 lives, won't be hard", expect: 'PC 4471' },
    { text: 'DI Fairbrother beats his wife', expect: 'DI Fairbrother' },
    { text: 'pc okafor is a dirty pig', expect: 'pc okafor' },
    {
      text: "PC Bainbridge, you're a disgrace to that uniform and a lying piece of shit",
      expect: 'PC Bainbridge',
    },
    { text: 'Sgt. Corrigan takes backhanders from the clubs in town', expect: 'Sgt. Corrigan' },
    { text: 'Acting Sergeant Delaney should be stabbed', expect: 'Delaney' },
    { text: 'PC 0912 deleted the bodycam footage to cover for his mate', expect: 'PC 0912' },
    { text: "We know which school PC Ahmed's kids go to 👀", expect: 'PC Ahmed' },
    { text: 'collar number 2290, I will be waiting for you after your shift', expect: '2290' },
  ],
  noFlag: [
    {
      text: 'Thanks to PC Patel for her help yesterday, she was brilliant with my nan',
      why: 'praise',
    },
    { text: 'DS Khan is leading the enquiry, according to the appeal', why: 'a neutral mention' },
    {
      text: 'I want to complain about PC 1234, how do I do that?',
      why: 'a complaint through proper routes',
    },
    {
      text: 'How do I make a complaint about an officer? It was PC 4471 at the custody desk',
      why: 'a complaint through proper routes',
    },
    {
      text: 'Complaint submitted about the officer who attended, PC 3310. Hope it is looked into properly.',
      why: 'a complaint through proper routes',
    },
    {
      text: "I've reported PC Lennox to Professional Standards and the IOPC, waiting to hear back",
      why: 'a complaint through proper routes',
    },
    {
      text: 'Shout out to Sgt Hollis and the team at Beaumont Leys, great community meeting',
      why: 'praise',
    },
    {
      text: "PC Dawson came to my son's school and talked about online safety, the kids loved it",
      why: 'praise; a family mention is not a safety risk',
    },
    {
      text: 'Sarah Whitlock ran the Leicester half marathon in under 2 hours, amazing',
      why: 'the name is not protected here (no context)',
    },
    {
      text: 'Please pass on my thanks to Sarah Whitlock, she kept me calm after the crash',
      context: officer,
      why: 'a protected officer name, but praise',
    },
    { text: 'PCSO Gill was so patient with the kids at the bike marking event 👏', why: 'praise' },
    {
      text: 'Is PC Rana still the beat officer for Westcotes? Need to report some ASB',
      why: 'a neutral question',
    },
    { text: 'DC 567 took my statement, very professional', why: 'praise' },
    {
      text: 'Congratulations Inspector Morley on your retirement, 30 years of service!',
      why: 'praise',
    },
    {
      text: "PC Stone, can you DM me please, it's about the bike you recovered",
      why: 'a neutral mention',
    },
    { text: 'The officer in the video was rude, not impressed', why: 'no officer identified' },
    { text: 'Police are all the same, useless', why: 'no officer identified' },
    {
      text: 'Who is the officer in charge of the Hinckley burglary case? I have info',
      why: 'a neutral question',
    },
    {
      text: 'Met DI Fairbrother at the Neighbourhood Watch meeting, he explained everything clearly',
      why: 'praise',
    },
    {
      text: 'My dad was PC 1893 back in the 80s, proud of him every day',
      why: 'a family mention with no threat',
    },
    {
      text: 'Are Sgt Corrigan and his team doing another speed watch on Main Street?',
      why: 'a neutral question',
    },
    {
      text: 'Well done PC Ward and PC Okafor for catching the lad who nicked my bike 🚲',
      why: 'praise',
    },
    {
      text: 'Is collar number 2290 on duty today? He said to ask for him',
      why: 'a neutral question',
    },
    {
      text: 'DS Albright said the CCTV has been passed on, fingers crossed',
      why: 'a neutral mention',
    },
    {
      text: "The sergeant at the front desk was lovely, didn't catch her name",
      why: 'praise, no officer identified',
    },
    { text: 'PC Hargreaves talked to our Brownies about road safety, thank you!', why: 'praise' },
    {
      text: "I'd like to speak to PC Moyo about my statement, what number do I ring?",
      why: 'a neutral question',
    },
    {
      text: 'Ch Insp Barrow will be at the community surgery on Thursday 6-8pm at the library',
      why: 'a neutral mention of a public event',
    },
    {
      text: "Can someone give me PC Ahmed's work email? He asked me to send him the dashcam footage",
      why: 'a neutral request',
    },
    { text: 'We need more officers like PC Delaney, she actually listens', why: 'praise' },
    {
      text: 'The police officer who lives on my road is lovely, always says hello',
      why: 'no officer identified',
    },
    {
      text: 'Thank you Sgt Hollis for coming back to check on my mum, means a lot to the family',
      why: 'praise that mentions family',
    },
  ],
};
