import type { CriterionCases } from './types';

export const cases: CriterionCases = {
  criterion: 'crime-grossly-offensive',
  flag: [
    { text: 'I hope she gets raped again', expect: 'raped' },
    { text: 'the kid deserved to die tbh', expect: 'deserved to die' },
    {
      text: 'Good riddance, one less junkie to worry about 😂 hope he rots',
      expect: 'Good riddance',
    },
    { text: "He drowned? Should've learnt to swim 🤣🤣", expect: 'learnt to swim' },
    { text: 'hope the baby dies', expect: 'hope the baby dies' },
    { text: 'RIP? More like rest in piss 😂', expect: 'rest in piss' },
    {
      text: 'anyone got the video of the 13 year old? asking for a mate 😏',
      expect: 'video of the 13 year old',
    },
    { text: 'the victim’s mum should be raped for letting her out that late', expect: 'raped' },
    { text: 'n*gger got what he deserved', expect: 'n*gger' },
    { text: 'hope your kids get cancer', expect: 'cancer' },
    {
      text: "Shame he didn't die, would've saved us all the trouble",
      expect: "Shame he didn't die",
    },
    { text: 'Kids that age are asking for it dressed like that', expect: 'asking for it' },
    { text: "She was 15 and fit, can't blame him", expect: "can't blame him" },
    { text: 'LOL the pensioner deserved it for being slow', expect: 'deserved it' },
    { text: "I'd love to piss on her grave", expect: 'piss on her grave' },
    {
      text: "Another one bites the dust 😂😂 shame it wasn't his whole family",
      expect: "shame it wasn't his whole family",
    },
    {
      text: 'hope someone rapes your daughter so you know how it feels',
      expect: 'rapes your daughter',
    },
    { text: 'that girl should be grateful anyone wanted to touch her', expect: 'grateful' },
    {
      text: 'The stabbing victim was probably a dealer, good riddance to bad rubbish',
      expect: 'good riddance',
    },
    { text: 'kill yourself, the world would be better without you', expect: 'kill yourself' },
    { text: 'Gas the lot of them, like the good old days', expect: 'Gas the lot of them' },
    { text: "The toddler who died wasn't even cute anyway", expect: "wasn't even cute" },
    {
      text: 'EMERGENCY: police are telling everyone to evacuate Wigston, gas main about to blow, share now!!',
      expect: 'evacuate',
    },
    { text: 'Shooting at Highcross RIGHT NOW, gunman in Primark, SHARE!!', expect: 'gunman' },
    { text: 'nobody would rape her anyway 😂', expect: 'rape' },
    { text: 'show us the pics of the little girl then 😏', expect: 'pics of the little girl' },
    {
      text: 'he died doing what he loved: being a scrounger. lol',
      expect: 'died doing what he loved',
    },
    { text: 'wish the crash had taken the kids too', expect: 'taken the kids too' },
    { text: "I'd have done her too if she looked like that", expect: 'done her too' },
    {
      text: "Dead paedo's victim was probably lying for the compo, hope she hangs herself",
      expect: 'hangs herself',
    },
    {
      text: 'Hope the missing girl is found in a ditch, saves everyone the bother',
      expect: 'found in a ditch',
    },
    {
      text: "haha he's brown bread now, shouldn't have been on his phone crossing the road 🤣🤣",
      expect: 'brown bread',
    },
  ],
  noFlag: [
    { text: 'this is f***ing ridiculous', why: 'ordinary swearing' },
    { text: "shit happens, but this shouldn't have", why: 'ordinary swearing' },
    { text: 'Bloody shambles this, absolute shambles', why: 'ordinary swearing' },
    { text: 'whoever did this to that child is evil', why: 'condemnation' },
    {
      text: 'Whoever attacked that pensioner needs locking up for a long time',
      why: 'condemnation',
    },
    { text: 'Rape is never the victim’s fault. Ever.', why: 'counter-speech' },
    {
      text: 'Those who mock victims online should be ashamed of themselves',
      why: 'counter-speech',
    },
    {
      text: "Can't believe people are laughing about this, a child has died",
      why: 'counter-speech',
    },
    {
      text: 'The comments on the news site about the victim are vile, please report them',
      why: 'counter-speech',
    },
    { text: 'Let the family grieve in peace, no jokes please', why: 'counter-speech' },
    {
      text: 'Please do not share the video of the attack, think of the family',
      why: 'counter-speech',
    },
    { text: 'Anyone wishing harm on a child needs help', why: 'counter-speech' },
    { text: 'Child abuse images are a crime, report them to CEOP', why: 'discussion' },
    {
      text: 'Sentenced to 12 years for raping a 15 year old. Not long enough.',
      why: 'a reaction to a published result',
    },
    {
      text: 'Man charged with sending grossly offensive messages to a grieving family',
      why: 'news-style report',
    },
    {
      text: 'The hoax calls to 999 last night wasted police time, disgraceful',
      why: 'discussion of hoaxes',
    },
    {
      text: 'Is there really a gunman at Highcross? Can police confirm?',
      why: 'a question, not a claim',
    },
    {
      text: 'Police confirm the incident at Highcross was a false alarm, centre reopened',
      why: 'news-style report',
    },
    { text: 'RIP young man, thoughts with the family 💐', why: 'condolence' },
    { text: 'Fly high little one 🕊️', why: 'condolence' },
    { text: 'So sad. Taken too soon. 💔', why: 'condolence' },
    { text: 'Rest in peace, you will be missed by everyone at the Red Lion', why: 'condolence' },
    {
      text: 'He died doing what he loved, riding his bike in the Peaks. RIP Steve.',
      why: 'condolence',
    },
    { text: "He didn't deserve to die like that", why: 'negation' },
    { text: 'She was only 15, she should be at school not dealing with this', why: 'sympathy' },
    { text: 'the traffic on the ring road is a slow death', why: 'dark but not gross humour' },
    {
      text: 'My dark sense of humour says the A46 roadworks will outlive us all',
      why: 'dark but not gross humour',
    },
    { text: 'That lasagne at the community café was to die for', why: 'figurative' },
    {
      text: 'Good riddance to the roadworks on the A50, finally gone!',
      why: '"good riddance" about roadworks',
    },
    {
      text: 'You will kill yourself laughing at the panto this year, it is brilliant',
      why: 'figurative',
    },
    { text: 'Laughed so hard at the police horse video 😂😂', why: 'harmless humour' },
    { text: 'Why is nobody talking about how many children die on our roads?', why: 'discussion' },
  ],
};
