import type { DetectContext } from '../../../lib/detect/types';
import type { CriterionCases } from './types';

/** A burglary/assault case with a named victim, suspect and witness held in the moderator's settings. */
const names: DetectContext = {
  protectedNames: [
    {
      name: 'Kayleigh Brennan',
      variants: ['Kayleigh', 'Kayleigh B'],
      role: 'victim',
      caseRef: '24/1187',
    },
    {
      name: 'Marcus Oyelaran',
      variants: ['Marcus', 'Oyelaran'],
      role: 'suspect',
      caseRef: '24/1187',
    },
    {
      name: 'Deborah Finch',
      variants: ['Debbie Finch', 'Debs Finch'],
      role: 'witness',
      caseRef: '24/1187',
    },
  ],
};

export const cases: CriterionCases = {
  criterion: 'identifies-person',
  flag: [
    // (a) protected names and their variants
    {
      text: 'Thats Kayleigh Brennan from the estate, poor girl 😢 hope shes ok',
      context: names,
      expect: 'Kayleigh Brennan',
    },
    {
      text: 'everyone knows it was Marcus Oyelaran, he was bragging about it on snap',
      context: names,
      expect: 'Marcus Oyelaran',
    },
    {
      text: "Kayleigh's mum is beside herself, sending love to the whole family x",
      context: names,
      expect: 'Kayleigh',
    },
    {
      text: 'Debbie Finch saw the whole thing from her front window, she told my sister',
      context: names,
      expect: 'Debbie Finch',
    },
    { text: 'OYELARAN AGAIN?? not surprised in the slightest', context: names, expect: 'OYELARAN' },
    { text: "kayleigh b was the one in the car wasn't she", context: names, expect: 'kayleigh b' },
    {
      text: "Debs Finch is the witness, she's terrified to leave the house now",
      context: names,
      expect: 'Debs Finch',
    },
    {
      text: 'Marcus works at the KFC in Fosse Park if anyone wants a word with him',
      context: names,
      expect: 'Marcus',
    },
    { text: "poor kayleigh 💔 she didn't deserve any of this", context: names, expect: 'kayleigh' },
    // (b) addresses, postcodes, phone numbers, emails, registrations
    {
      text: 'He lives at 14 Elm Road LE3 5QT, go and knock on his door and ask him',
      expect: '14 Elm Road',
    },
    {
      text: 'the lad who did it is staying at flat 3, 27 Cavendish Street with his nan',
      expect: '27 Cavendish Street',
    },
    {
      text: "His mum's number is 07700 900482 if anyone wants to ask her where he is",
      expect: '07700 900482',
    },
    {
      text: 'Driver was in a silver Corsa reg AB12 CDE, same one that parks outside the Co-op',
      expect: 'AB12 CDE',
    },
    {
      text: 'email her at shannon.pryce88@gmail.com she knows exactly who it was',
      expect: 'shannon.pryce88@gmail.com',
    },
    {
      text: "It's the house on LE2 7HX with the blue door, everyone round here knows",
      expect: 'LE2 7HX',
    },
    { text: 'Ring him yourself and ask, +44 7700 900317', expect: '+44 7700 900317' },
    {
      text: 'Reg was KY19XVR, got it on my dashcam. Same car was parked outside hers the night before',
      expect: 'KY19XVR',
    },
    {
      text: 'victim lives at 82a Hinckley Road above the barbers, poor woman',
      expect: '82a Hinckley Road',
    },
    {
      text: "Number 9 Ashdown Close is where he's been hiding since Tuesday",
      expect: 'Ashdown Close',
    },
    {
      text: 'His landline is 0116 496 0123, give him a ring and ask him why he did it',
      expect: '0116 496 0123',
    },
    {
      text: 'it happened outside his house le4 6rr, the police were there all night',
      expect: 'le4 6rr',
    },
    // (c) school, workplace, relationship pointing at a victim, witness or suspect
    {
      text: 'The girl that got attacked goes to Beaumont Academy, year 10. My niece knows her',
      expect: 'Beaumont Academy',
    },
    {
      text: 'the suspect works at the Tesco on Narborough Road, nights on the tills',
      expect: 'works at the Tesco',
    },
    { text: "It was the victim's brother who found her, he's in bits", expect: "victim's brother" },
    { text: 'The lad they arrested is her ex, the one with the white Audi', expect: 'her ex' },
    {
      text: "the witness is a dinner lady at St Mary's Primary, she's been told not to talk about it",
      expect: "St Mary's Primary",
    },
    {
      text: 'The man who was stabbed works at the Amazon warehouse in Coalville, my mate works with him',
      expect: 'works at the Amazon',
    },
    {
      text: "the suspect's dad owns the car wash on Belgrave Gate, ask him",
      expect: "suspect's dad",
    },
    {
      text: 'I recognise the man in the CCTV, he goes to Wyvern College, gets the 14 bus every morning',
      expect: 'Wyvern College',
    },
    {
      text: "the witness was his missus, she saw everything and she's saying nothing",
      expect: 'his missus',
    },
    {
      text: 'the woman who got robbed is the landlady at the Red Lion in Syston',
      expect: 'landlady at the Red Lion',
    },
    {
      text: 'She lives at 3 Orchard Way, Wigston LE18 2AB, the one they took away in the van',
      expect: '3 Orchard Way',
    },
  ],
  noFlag: [
    {
      text: "My son goes to St Mary's Primary, is the school safe today?",
      why: 'a parent asking for help',
    },
    {
      text: 'Does anyone know if Beaumont Academy is open tomorrow after what happened?',
      why: 'a parent asking about a school',
    },
    {
      text: 'My daughter works at the Tesco in Hinckley and said it was all calm today',
      why: 'workplace, but pointing at no victim, witness or suspect',
    },
    {
      text: 'Avoid London Road this morning, traffic backed up to the station',
      why: 'a road name without a house number',
    },
    {
      text: 'Road closed between Melton Road and Loughborough Road after the collision, use the ring road',
      why: 'road names without numbers',
    },
    {
      text: 'Took 45 minutes to get down Uppingham Road, absolute nightmare 🚗',
      why: 'a road name without a house number',
    },
    {
      text: "Anyone else's car been broken into on Welford Road? Mine was done last night",
      why: 'a road name without a house number',
    },
    {
      text: 'If you have information call 101 or Crimestoppers anonymously on 0800 555 111',
      why: "the force's own numbers",
    },
    { text: 'In an emergency always ring 999, not Facebook!', why: "the force's own numbers" },
    {
      text: 'Phone 101 and quote incident 0423 of 12 March',
      why: 'an incident number is not a phone number',
    },
    { text: 'You can report it online at www.leics.police.uk', why: 'a police.uk address' },
    {
      text: "I've emailed the neighbourhood team at contact@leics.police.uk, fingers crossed",
      why: 'a police.uk email address',
    },
    {
      text: 'My girlfriend and I saw the fireworks from Abbey Park, brilliant night 🎆',
      why: 'a relationship with no one to point at',
    },
    {
      text: 'My brother was a special constable for 5 years, great bunch of people',
      why: 'a relationship with no one to point at',
    },
    {
      text: 'My husband was stuck on the A6 for two hours, any update on when it reopens?',
      why: 'a relationship with no one to point at',
    },
    {
      text: 'Huge thanks to the man who stopped to help my mum when she fell on Granby Street',
      why: 'a relationship, but no crime victim, witness or suspect',
    },
    {
      text: 'A 34-year-old man from Loughborough has been charged and will appear at court on Monday',
      why: 'a news-style report that does not identify',
    },
    {
      text: 'A woman in her 40s was taken to hospital with minor injuries, police said',
      why: 'a news-style report that does not identify',
    },
    {
      text: 'Kayleigh Brennan did my nails last week, highly recommend her 💅',
      why: 'the name is not protected here (no context)',
    },
    {
      text: 'Marcus Oyelaran scored twice for the Sunday league lads, well played',
      why: 'the name is not protected here (no context)',
    },
    {
      text: "Kayla Brennan's bake sale raised £300 for the hospice, well done!",
      context: names,
      why: 'a name that only resembles a protected one; surname alone is not a variant',
    },
    {
      text: 'Marcia at the community centre has organised a litter pick for Saturday',
      context: names,
      why: 'a name that only resembles a protected one',
    },
    {
      text: 'Has Debbie from the council replied to anyone about the streetlights?',
      context: names,
      why: 'a first name that is not a listed variant',
    },
    {
      text: 'Lost: black Labrador near Victoria Park, LE2 area. Please share',
      why: 'a postcode district alone identifies no one',
    },
    {
      text: 'Open day is on 14/06/2025 from 10am-2pm at the Beaumont Leys station',
      why: 'a date, not a phone number',
    },
    {
      text: 'Please do not post names or addresses on here, let the police do their job',
      why: 'counter-speech',
    },
    {
      text: 'The CCTV image shows a man in a grey hoodie and white trainers, anyone recognise him?',
      why: "the force's own appeal wording",
    },
    {
      text: "Lovely to see PCSO Reid at St Bede's school fete today, the kids loved the police car",
      why: 'a school mentioned with no victim, witness or suspect',
    },
    {
      text: 'I went to Oakfield Academy back in the 90s, cannot believe how much it has changed',
      why: 'a school mentioned with no one to point at',
    },
    {
      text: 'They have closed Humberstone Gate for the Diwali lights switch-on, plan ahead',
      why: 'a road name without a house number',
    },
    {
      text: 'Year 10 at my school had a talk from the police about knife crime, really good',
      why: 'a school mentioned with no one to point at',
    },
    {
      text: 'The reg plate in your photo is blurred, can you post a clearer one please?',
      why: 'talk about a registration without one',
    },
    {
      text: 'Going down the Tesco on Narborough Road for the charity bag pack at 10, come and say hi',
      why: 'a workplace mentioned with no one to point at',
    },
  ],
};
