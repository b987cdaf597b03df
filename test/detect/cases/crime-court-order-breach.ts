import type { DetectContext } from '../../../lib/detect/types';
import type { CriterionCases } from './types';

/** A complainant with lifelong anonymity and a youth-court defendant, both held in the settings. */
const protectedByOrder: DetectContext = {
  protectedNames: [
    {
      name: 'Ellie Marsh',
      variants: ['Ellie', 'Ellie M'],
      role: 'protected-by-order',
      caseRef: '24/2210',
    },
    {
      name: 'Tyler Booth',
      variants: ['Tyler', 'Booth'],
      role: 'protected-by-order',
      caseRef: 'YC/118',
    },
  ],
};

export const cases: CriterionCases = {
  criterion: 'crime-court-order-breach',
  flag: [
    {
      text: "Poor Ellie Marsh, she was in my sister's class",
      context: protectedByOrder,
      expect: 'Ellie Marsh',
    },
    {
      text: 'The 15 year old they arrested is Tyler Booth from Braunstone',
      context: protectedByOrder,
      expect: 'Tyler Booth',
    },
    {
      text: "Ellie's dad posted about it on his page last night",
      context: protectedByOrder,
      expect: 'Ellie',
    },
    {
      text: "BOOTH did it, he's only 14 but everyone knows",
      context: protectedByOrder,
      expect: 'BOOTH',
    },
    {
      text: 'tyler from year 10 at Greystone High is the one in youth court',
      context: protectedByOrder,
      expect: 'tyler',
    },
    {
      text: 'Ellie M from Wigston, the one in the rape trial',
      context: protectedByOrder,
      expect: 'Ellie M',
    },
    {
      text: "Tyler's the one, his mum lives on Tudor Road",
      context: protectedByOrder,
      expect: 'Tyler',
    },
    {
      text: "Ellie Marsh's address needs to be known",
      context: protectedByOrder,
      expect: 'Ellie Marsh',
    },
    {
      text: 'ellie marsh. there i said it. what you gonna do',
      context: protectedByOrder,
      expect: 'ellie marsh',
    },
    {
      text: 'Booth family should be ashamed of their lad',
      context: protectedByOrder,
      expect: 'Booth',
    },
    {
      text: "justice for ellie marsh 💔 she's only a kid",
      context: protectedByOrder,
      expect: 'ellie marsh',
    },
    {
      text: 'Tyler Booth aged 15 on the Saffron estate, go find him',
      context: protectedByOrder,
      expect: 'Tyler Booth',
    },
    { text: "the girl who was raped is Emma from Hamilton, her mum's devastated", expect: 'Emma' },
    { text: "the judge said we can't name him but it's Jordan Pike", expect: 'Jordan Pike' },
    {
      text: 'Everyone knows the victim in the sexual assault case is Chloe Vance, she works at Boots',
      expect: 'Chloe Vance',
    },
    {
      text: "Reporting restrictions my backside, it's the Kowalski lad from Thurmaston, 16",
      expect: 'Kowalski',
    },
    {
      text: 'the lad in youth court for the stabbing is called Reece Dunmore',
      expect: 'Reece Dunmore',
    },
    {
      text: "Can't be named for legal reasons? It's Callum Harte, 15, lives on the Mowmacre estate",
      expect: 'Callum Harte',
    },
    {
      text: 'the woman who was sexually assaulted in the park was Nadia Ferreira, I went to school with her',
      expect: 'Nadia Ferreira',
    },
    {
      text: "Anonymity order or not, people deserve to know it's Dean Oakes",
      expect: 'Dean Oakes',
    },
    { text: 'The 13 year old girl in the grooming case is Lacey Dunn', expect: 'Lacey Dunn' },
    {
      text: 'the boy in the youth court case is Kai Brennan, he goes to Oakfield',
      expect: 'Kai Brennan',
    },
    { text: 'Whole of Syston knows the abuse victim is little Mia Thorpe', expect: 'Mia Thorpe' },
    {
      text: "judge gave him anonymity cos he's 17 but it's Ryan Cole from Rushey Mead",
      expect: 'Ryan Cole',
    },
    {
      text: "The judge won't let them name her but she's Jasmine Hale, the girl from the sex abuse case",
      expect: 'Jasmine Hale',
    },
    {
      text: 'The youth court defendant is Aiden Pryor, 14, from Beaumont Leys',
      expect: 'Aiden Pryor',
    },
    {
      text: "I know the girl who was raped, it's Lucy from the hairdressers on Queens Road",
      expect: 'Lucy',
    },
    { text: 'Legally they cannot say but the teenage suspect is Josh Kemp', expect: 'Josh Kemp' },
    {
      text: "Ellie from Wigston is the victim, she's only 15",
      context: protectedByOrder,
      expect: 'Ellie',
    },
    {
      text: 'Mark my words, the lad the court cannot name is Harvey Lomas',
      expect: 'Harvey Lomas',
    },
    {
      text: "It's Tyler Booth's brother who got stabbed, Tyler's the one on trial",
      context: protectedByOrder,
      expect: 'Tyler Booth',
    },
    {
      text: 'Rape victim in this case is Shannon Rudd, look at her Insta, she was asking for it',
      expect: 'Shannon Rudd',
    },
  ],
  noFlag: [
    { text: 'there is a reporting restriction, please do not name anyone', why: 'counter-speech' },
    {
      text: 'The judge has banned naming the boy, so let us all respect that',
      why: 'counter-speech',
    },
    {
      text: "Please respect the victim's privacy, she's been through enough",
      why: 'counter-speech',
    },
    {
      text: 'Lifelong anonymity for victims of sexual offences is the law, do not break it',
      why: 'counter-speech',
    },
    {
      text: 'Just so everyone knows, naming a sex offence victim is a criminal offence',
      why: 'counter-speech',
    },
    { text: 'Thank you for not naming the girl in your post, it matters', why: 'counter-speech' },
    {
      text: "Is there an anonymity order on this case? Just want to make sure I don't share anything I shouldn't",
      why: 'a question',
    },
    { text: 'Can someone explain what a section 45 order means?', why: 'a question' },
    { text: "Youth court? So he's under 18? That's so sad", why: 'a question' },
    {
      text: 'The victim cannot be named for legal reasons, thoughts with her family',
      why: 'respecting the restriction',
    },
    {
      text: 'Youth court cases are not reported for a reason, leave it to the professionals',
      why: 'respecting the restriction',
    },
    {
      text: 'Sexual offence victims get anonymity for life, that is why they do not name her',
      why: 'respecting the restriction',
    },
    {
      text: 'The teenager, who cannot be named for legal reasons, was given a youth rehabilitation order',
      why: 'news-style report',
    },
    { text: 'Whoever leaked the name online should be prosecuted', why: 'counter-speech' },
    {
      text: 'Ellie Marsh won gold at the county swimming gala, so proud',
      why: 'the name is not protected here (no context)',
    },
    {
      text: 'Tyler Booth is playing at the Musician tonight, go and see him',
      why: 'the name is not protected here (no context)',
    },
    {
      text: 'Tyler from the youth club did an amazing job on the mural',
      why: 'the name is not protected here (no context)',
    },
    {
      text: 'My daughter Ellie is doing her Duke of Edinburgh volunteering at the station',
      why: 'the name is not protected here (no context)',
    },
    {
      text: 'Daniel Crossley, 42, of Aylestone, who was named by police, was jailed today',
      why: 'an adult defendant already publicly named',
    },
    {
      text: 'Police have named the man charged as Paul Gregson, 38, of Hinckley',
      why: 'an adult defendant already publicly named',
    },
    {
      text: 'Named suspect Mark Ellis, 51, appears in court tomorrow, as per the force post',
      why: 'an adult defendant already publicly named',
    },
    {
      text: 'The court said Jason Mullins, 29, of Oadby can be named',
      why: 'an adult defendant already publicly named',
    },
    {
      text: 'Same surname as the defendant Gregson but no relation, before anyone asks!',
      why: 'an adult defendant already publicly named',
    },
    {
      text: 'Emma from the bakery is doing a charity bake sale for the rape crisis centre',
      why: 'a name near "rape", but no victim named',
    },
    {
      text: 'Lucy at the hairdressers on Queens Road did my hair for the charity ball, stunning',
      why: 'a name with no victim context',
    },
    {
      text: 'I was a victim of sexual assault years ago and the officers were kind to me. Please report.',
      why: 'the writer speaking about themselves',
    },
    { text: "Respect to the girl who gave evidence, she's so brave", why: 'no one named' },
    { text: 'Victim support in Leicester is great if anyone needs it', why: 'no one named' },
    { text: 'Rape Crisis helpline is 0808 802 9999, you are not alone', why: 'no one named' },
    {
      text: 'RIP Connor Hale, a lovely lad, taken far too soon',
      why: 'a publicly named adult victim, no order',
    },
    {
      text: 'Booth at the summer fair raised £200 for the hospice, thanks all',
      why: 'an ordinary word (no context)',
    },
    {
      text: 'My niece is 15 and was at the same school, the kids are all shaken up',
      why: 'no one named',
    },
  ],
};
