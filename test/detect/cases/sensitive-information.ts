import type { DetectContext } from '../../../lib/detect/types';
import type { CriterionCases } from './types';

/** Live operations the moderator has listed. */
const ops: DetectContext = { operations: ['Operation Falcon', 'Kestrel'] };

export const cases: CriterionCases = {
  criterion: 'sensitive-information',
  flag: [
    {
      text: 'unmarked van outside number 22 watching the house all week 👀',
      expect: 'unmarked van',
    },
    {
      text: "they've got a tracker on his car, my mate's brother told me",
      expect: 'tracker on his car',
    },
    { text: "he's a grass, been feeding info to the police for years", expect: 'grass' },
    {
      text: 'Jordan from the Braunstone lot is an informant for the drugs squad',
      expect: 'informant',
    },
    {
      text: 'Operation Falcon hitting doors on the Saffron estate at 5am tomorrow',
      context: ops,
      expect: 'Operation Falcon',
    },
    {
      text: 'heard there are raids planned on Thursday in Highfields, move your stuff',
      expect: 'raids planned',
    },
    {
      text: "the new lad in the pub is an undercover copper, don't say nothing to him",
      expect: 'undercover',
    },
    {
      text: 'Kestrel team are sat in the grey Skoda on Evington Road, they swap cars every few hours',
      context: ops,
      expect: 'Kestrel',
    },
    {
      text: 'Police found the knife in the bin behind the chippy, my cousin saw them bag it',
      expect: 'found the knife',
    },
    {
      text: 'Drugs squad have been watching the flat above the bookies for weeks',
      expect: 'watching the flat',
    },
    { text: "They're tapping his phone, that's how they knew", expect: 'tapping his phone' },
    {
      text: 'Mate works in custody, says the DNA came back a match for the lad on Tudor Road',
      expect: 'DNA came back',
    },
    {
      text: "There's a covert camera on the lamppost opposite the Spar, look up next time",
      expect: 'covert camera',
    },
    {
      text: 'Warrant going in at the flats on Burleys Way tonight, heard it from someone inside',
      expect: 'Warrant going in',
    },
    {
      text: 'The woman with the pram who hangs about the park is a plain clothes officer',
      expect: 'plain clothes',
    },
    {
      text: "Don't deal off your phone lads, Operation Falcon are reading all the messages",
      context: ops,
      expect: 'Operation Falcon',
    },
    {
      text: 'That Vauxhall Insignia parked up on Catherine Street is a police surveillance car',
      expect: 'surveillance',
    },
    {
      text: "Falcon's about to move on the Belgrave lot, you'll see",
      context: ops,
      expect: 'Falcon',
    },
    {
      text: "the police have got a snitch in the Highfields crew, someone's been talking",
      expect: 'snitch',
    },
    {
      text: 'Cops are going to raid the cannabis farm at the old carpet warehouse next week',
      expect: 'raid',
    },
    {
      text: 'Police sit in the back of the white transit outside the Red Lion every night, covert obs',
      expect: 'covert',
    },
    {
      text: "The fingerprints on the window matched, they just haven't arrested him yet",
      expect: 'fingerprints',
    },
    {
      text: "He's working with the police to set up his supplier, he wore a wire",
      expect: 'wore a wire',
    },
    {
      text: "The victim told police the attacker had a scorpion tattoo on his neck, that's not in the appeal",
      expect: 'not in the appeal',
    },
    {
      text: 'Operation Kestrel are using drones over the allotments to find the weed grows',
      context: ops,
      expect: 'Kestrel',
    },
    {
      text: 'listen, the lad in the grey tracksuit always at the bus station is an undercover officer',
      expect: 'undercover officer',
    },
    {
      text: 'Dog unit and an ANPR van set up at the A50 junction tonight waiting for the Range Rover',
      expect: 'ANPR',
    },
    { text: 'Be careful what you say in front of Tariq, he is a CHIS', expect: 'CHIS' },
    { text: 'The raid on Mere Road is happening at 6am Saturday', expect: 'raid' },
    {
      text: 'Heads up, feds are doing a sweep of the Golden Mile on Friday night, keep it clean',
      expect: 'sweep',
    },
    {
      text: 'my sister works in the control room, says they have him on CCTV but are waiting to pick up the others first',
      expect: 'waiting to pick up',
    },
    {
      text: 'Word is the bloke who owns the car wash has been grassing to the drugs squad',
      expect: 'grassing',
    },
  ],
  noFlag: [
    {
      text: "Great result from yesterday's warrants, well done",
      why: "the force's published result",
    },
    {
      text: 'Well done on the drugs raid in Highfields last week, street feels safer already',
      why: "the force's published result",
    },
    {
      text: 'The warrant in Braunstone this morning was all over the news, glad they got him',
      why: 'a published result',
    },
    {
      text: "Officers seized 2kg of cocaine and £30k cash, according to today's post. Brilliant",
      why: "the force's published result",
    },
    { text: 'how do I become a special constable?', why: 'a general question' },
    { text: 'Are you recruiting for PCSOs this year?', why: 'a general question' },
    {
      text: 'Operation Christmas Child shoebox appeal is collecting at the station till Friday 🎁',
      why: 'a charity appeal, not a police operation',
    },
    {
      text: "Operation Snap is brilliant, I've sent in my dashcam footage",
      why: 'a public scheme, no tactics disclosed',
    },
    { text: 'Is there still a cordon on Tudor Road?', why: 'a general question' },
    {
      text: 'Saw lots of police cars on the estate this morning, hope everyone is ok',
      why: 'visible, public presence',
    },
    {
      text: 'Police watching the football crowds at the King Power, good to see',
      why: 'visible, public presence',
    },
    {
      text: 'Grass cutting on the verges has blocked the footpath on Anstey Lane',
      why: '"grass" in its ordinary sense',
    },
    {
      text: 'Can the council do something about the long grass in Victoria Park, needles everywhere',
      why: '"grass" in its ordinary sense',
    },
    {
      text: "If you see something, say something. It's not grassing, it's keeping the community safe.",
      why: 'general encouragement to report',
    },
    {
      text: 'How does Crimestoppers keep you anonymous? Want to report something but scared',
      why: 'a general question',
    },
    {
      text: 'How do I report someone I think is dealing without them finding out it was me?',
      why: 'a general question',
    },
    {
      text: 'The appeal says he has a distinctive tattoo on his neck, please share this',
      why: "the force's own appeal details",
    },
    {
      text: 'Where can I see the CCTV appeal images? Link is not working',
      why: "the force's own appeal",
    },
    {
      text: 'Thanks for the home surveillance tips at the Neighbourhood Watch meeting',
      why: 'crime-prevention advice',
    },
    {
      text: 'My bike had a tracker on it, that is how I got it back! Thank you officers',
      why: "the writer's own property",
    },
    { text: 'Undercover Boss was on telly last night, loved it', why: 'a TV programme' },
    {
      text: "I'd love to be an undercover detective when I grow up, says my 8 year old 😂",
      why: "a child's ambition",
    },
    {
      text: 'Drones are banned over Abbey Park during the festival, FYI',
      why: 'public information',
    },
    {
      text: 'Can I get my own dashcam footage back after the court case?',
      why: 'a general question',
    },
    {
      text: 'Raid your cupboards for the food bank collection at Beaumont Leys station this Saturday 🥫',
      why: '"raid" in its ordinary sense',
    },
    {
      text: "Plain clothes or uniform, I don't care, just get more officers on the streets",
      why: 'a general opinion',
    },
    {
      text: 'Watch out, there is a van going round pretending to be from the council',
      why: 'a public warning',
    },
    { text: 'Informative session at the library on cyber crime, thank you', why: 'praise' },
    {
      text: 'The police museum open day had a display of old surveillance kit, fascinating',
      why: 'history, nothing current',
    },
    {
      text: 'Please stop speculating about the investigation and let the officers do their job',
      why: 'counter-speech',
    },
    {
      text: 'Falcon Drive is shut both ways after a crash, avoid',
      why: 'a road name, no operation in context',
    },
    {
      text: 'Any update on the investigation into my burglary? Crime number 24/88123',
      why: 'a victim asking about their own case',
    },
  ],
};
