import type { DetectContext } from '../../../lib/detect/types';
import type { CriterionCases } from './types';

/** A charged man awaiting trial, and the case reference the moderator has listed. */
const active: DetectContext = {
  activeCases: ['R v Corbishley', '24/1187'],
  protectedNames: [
    {
      name: 'Liam Corbishley',
      variants: ['Corbishley', 'Liam'],
      role: 'suspect',
      caseRef: '24/1187',
    },
  ],
};

/** A charged woman awaiting trial. */
const hurst: DetectContext = {
  activeCases: ['R v Hurst'],
  protectedNames: [{ name: 'Tanya Hurst', variants: ['Tanya', 'Hurst'], role: 'suspect' }],
};

export const cases: CriterionCases = {
  criterion: 'contempt-of-court',
  flag: [
    {
      text: "Liam Corbishley's got previous for this, done time for burglary in 2019",
      context: active,
      expect: 'got previous',
    },
    { text: 'Corbishley is guilty as sin', context: active, expect: 'guilty as sin' },
    {
      text: 'He definitely did it, everyone on Saffron Lane knows',
      context: active,
      expect: 'definitely did it',
    },
    {
      text: 'we all know he did it, why waste money on a trial',
      context: active,
      expect: 'we all know he did it',
    },
    { text: 'lock him up and throw away the key', context: active, expect: 'throw away the key' },
    {
      text: 'been inside three times already, what did they expect',
      context: active,
      expect: 'been inside three times',
    },
    {
      text: 'the lad they have charged is well known to police round here',
      expect: 'known to police',
    },
    { text: "Liam did it, I'd put my house on it", context: active, expect: 'did it' },
    {
      text: "he's done time for the same thing before, he'll do it again",
      context: active,
      expect: 'done time',
    },
    { text: 'Guilty. No need for a jury.', context: active, expect: 'Guilty' },
    { text: 'Corbishley was on a tag when he did this', context: active, expect: 'on a tag' },
    {
      text: "Hope R v Corbishley ends with him rotting in a cell, he's guilty",
      context: active,
      expect: 'guilty',
    },
    {
      text: 'It was him, 100%. Saw him running off with the bag',
      context: active,
      expect: 'It was him',
    },
    {
      text: "Corbishley's the same bloke who glassed someone at the Orange Tree in 2021",
      context: active,
      expect: 'glassed someone',
    },
    {
      text: 'He only got out of prison in March and now this',
      context: active,
      expect: 'got out of prison',
    },
    {
      text: 'his criminal record is as long as my arm',
      context: active,
      expect: 'criminal record',
    },
    {
      text: "Throw the book at him, he's clearly guilty",
      context: active,
      expect: 'clearly guilty',
    },
    { text: 'no smoke without fire, he did it', context: active, expect: 'he did it' },
    {
      text: 'Everyone knows Liam Corbishley stabbed that lad',
      context: active,
      expect: 'Everyone knows',
    },
    {
      text: "He's a convicted drug dealer, look him up",
      context: active,
      expect: 'convicted drug dealer',
    },
    {
      text: 'Why bother with a trial? Just send him down',
      context: active,
      expect: 'send him down',
    },
    {
      text: 'Tanya Hurst was convicted of the same thing in 2018, google it',
      context: hurst,
      expect: 'convicted',
    },
    { text: "Tanya's guilty, she's always been a wrong un", context: hurst, expect: 'guilty' },
    {
      text: 'Cannot wait to see Hurst get sent down for this 🙌',
      context: hurst,
      expect: 'sent down',
    },
    { text: 'He was on licence when he did it, disgrace', context: active, expect: 'on licence' },
    {
      text: 'Breached his bail twice already, why was he even out',
      context: active,
      expect: 'Breached his bail',
    },
    {
      text: "He'll plead not guilty but we all know the truth",
      context: active,
      expect: 'we all know the truth',
    },
    {
      text: 'the man charged with the Fosse Park stabbing is a known thug with a string of convictions',
      expect: 'string of convictions',
    },
    { text: "Hope the jury sees through his lies, he's guilty", context: active, expect: 'guilty' },
    {
      text: '24/1187 the suspect in that one is the same guy who did the Braunstone robberies',
      context: active,
      expect: 'same guy who did',
    },
    { text: 'liam corbishley = GUILTY', context: active, expect: 'GUILTY' },
    {
      text: "She's been banged up before for exactly this, Tanya never learns",
      context: hurst,
      expect: 'banged up before',
    },
  ],
  noFlag: [
    {
      text: 'innocent until proven guilty, let the court decide',
      context: active,
      why: 'presumption of innocence',
    },
    {
      text: 'Let the court decide, not Facebook',
      context: active,
      why: 'presumption of innocence',
    },
    {
      text: "I don't know if he did it or not, that's for the jury",
      context: active,
      why: 'negation; leaves it to the jury',
    },
    {
      text: "It's for the jury to decide whether he did it",
      context: active,
      why: 'leaves it to the jury',
    },
    {
      text: 'Liam Corbishley was found guilty at Leicester Crown Court today and will be sentenced in May',
      context: active,
      why: 'report of a verdict already given',
    },
    {
      text: 'He pleaded guilty at the magistrates yesterday, sentencing next month',
      context: active,
      why: 'report of a plea already entered',
    },
    { text: 'Sentenced to 8 years today. Justice for the family.', why: 'a published result' },
    {
      text: 'Found not guilty today, hope he can get on with his life now',
      context: active,
      why: 'report of a verdict',
    },
    { text: 'I hope they catch whoever did it', why: 'no named or charged person' },
    {
      text: 'Well done to the team for catching whoever did this',
      why: 'no named or charged person',
    },
    { text: 'Whoever did this deserves to be locked up', why: 'no named or charged person' },
    { text: 'Fingers crossed they get the right person', why: 'no named or charged person' },
    { text: 'Who did it? Any suspects yet?', why: 'a question that does not assert' },
    {
      text: 'Has he been charged or just arrested?',
      context: active,
      why: 'a question that does not assert',
    },
    {
      text: 'Is this the same Corbishley who used to run the youth football club?',
      context: active,
      why: 'a question that does not assert',
    },
    {
      text: 'Does anyone know when the trial starts?',
      context: active,
      why: 'a question that does not assert',
    },
    {
      text: "Please don't speculate, it could collapse the trial",
      context: active,
      why: 'counter-speech',
    },
    {
      text: "Everyone deserves a fair trial, even if we don't like what's alleged",
      context: active,
      why: 'counter-speech',
    },
    {
      text: 'The court has the evidence, not us. Keep opinions off here.',
      context: active,
      why: 'counter-speech',
    },
    {
      text: 'Throw away the key? We do not even know who did it yet',
      why: 'quoting a phrase to reject it',
    },
    {
      text: 'The jury is still out, we will know soon enough',
      context: active,
      why: 'no assertion of guilt',
    },
    {
      text: 'Hope the victim gets justice whatever happens at court',
      context: active,
      why: 'no assertion of guilt',
    },
    {
      text: 'The defendant denies all charges and the trial continues',
      context: active,
      why: 'news-style report',
    },
    {
      text: "My husband's got previous experience as a youth worker if the centre needs volunteers",
      why: '"got previous" in its ordinary sense',
    },
    {
      text: "I've been inside the new station on Mansfield Street, lovely building",
      why: '"been inside" in its ordinary sense',
    },
    {
      text: 'Lock up your bikes, three nicked from outside the station this week',
      why: 'ordinary advice',
    },
    { text: 'I feel guilty for not reporting it sooner', why: '"guilty" about oneself' },
    {
      text: 'guilty pleasure: reading these comments with a brew ☕',
      why: '"guilty" in its ordinary sense',
    },
    {
      text: "Corbishley's bakery on the high street does the best sausage rolls",
      why: 'an unprotected name (no context)',
    },
    {
      text: "I know the family, they're devastated. Please be kind.",
      context: hurst,
      why: 'no assertion of guilt',
    },
    {
      text: 'Reoffending rates in the county are shocking, what is being done about it?',
      why: 'general discussion, no person',
    },
    {
      text: 'Known to be a dangerous junction, this one. Glad nobody was seriously hurt.',
      why: '"known" in its ordinary sense',
    },
  ],
};
