import { PolicyPackSchema, type PolicyPack } from './schema';

/**
 * The force's Annex 1 criteria as data. Clauses are quoted from
 * "Social Media Policy & Procedure", Annex 1 – Support and guidance around removing comments
 * and blocking accounts (January 2023 revision).
 */
const raw: PolicyPack = {
  schemaVersion: 1,
  version: '2026-11-25.1',
  source: 'Leicestershire Police Social Media Policy & Procedure, Annex 1 (rev. January 2023)',
  guidelinesUrl: 'https://www.leics.police.uk/social-media-guidelines',
  digitalMediaTeam: 'Digital Media Team – digital.media@leics.police.uk',
  manyRemovals:
    'You have removed several comments on this post. Annex 1: "If you have to remove a significant number of comments, consider explaining why, and provide a link to the social media guidelines. Contact the Digital Media Team for further advice."',
  platforms: {
    facebook: {
      canDo: [
        'Hide the comment (the author and their friends still see it)',
        'Delete the comment',
        'Ban the user from the Page (last resort: use the block workflow)',
        'Report the comment to Facebook',
      ],
      cannotDo: ['Edit a member of the public’s comment'],
    },
    x: {
      canDo: [
        'Hide the reply – only in a conversation started by the force account',
        'Block or mute the account (last resort: use the block workflow)',
        'Report the post to X',
      ],
      cannotDo: [
        'Delete someone else’s post or reply – X only lets a person remove their own content',
        'Hide replies in conversations the force account did not start',
      ],
    },
  },
  always: [
    'You can always report the content to the platform itself.',
    'If it is criminal, record it as a crime through normal procedures.',
  ],
  crimeReporting: [
    'Capture the evidence first: copy the evidence summary (text, author, profile link, permalink, time seen).',
    'Record it as a crime following the normal force procedures, and note the crime reference.',
    'If there is a threat to life or immediate risk, treat it as an emergency and pass it to the control room now.',
    'Then decide what to do with the content on the platform (hide/remove, report to the platform).',
  ],
  criteria: [
    {
      id: 'identifies-person',
      action: 'remove',
      label: 'Identifies a person',
      section: 'Annex 1, When to Remove Comments',
      clause:
        'It could identify a victim, witness or suspect by any means, e.g. name, address, school, place of work, relationship etc.',
      summary:
        'The comment names or points to a victim, witness or suspect: their name, address, postcode, phone, school, workplace, vehicle or relationship to someone involved.',
    },
    {
      id: 'identifies-officer',
      action: 'remove',
      label: 'Identifies an officer',
      section: 'Annex 1, When to Remove Comments',
      clause:
        'It identifies a serving police officer or member of staff in a manner which affects their personal safety, threatens violence, is grossly derogatory, or is untrue.',
      summary:
        'The comment names a serving officer or staff member (name, rank, collar number, home or family) in a way that puts them at risk, threatens them, is grossly derogatory or is untrue.',
    },
    {
      id: 'offensive-language',
      action: 'remove',
      label: 'Offensive language',
      section: 'Annex 1, When to Remove Comments',
      clause:
        'Offensive language has been used which has not been automatically deleted by page filters.',
      summary: 'Swearing, obscenity or crude insults that the page filters did not catch.',
    },
    {
      id: 'threat-abuse-hate',
      action: 'remove',
      label: 'Threat, abuse or hate',
      section: 'Annex 1, When to Remove Comments',
      clause:
        'It could be perceived as threatening, abusive or hate speech (targeting a protected characteristic – disability, race, faith, gender, sexual orientation).',
      summary:
        'Threats, abuse aimed at a person, or hate speech against people for their disability, race, faith, gender or sexual orientation.',
    },
    {
      id: 'contempt-of-court',
      action: 'remove',
      label: 'Contempt of court risk',
      section: 'Annex 1, When to Remove Comments',
      clause:
        'It could potentially put the force into contempt of court (creates bias for a judge or jury e.g. discussions of previous convictions or implying guilt).',
      summary:
        'Talk of a defendant’s previous convictions, or saying or implying someone charged is guilty, where a case is live.',
    },
    {
      id: 'defamatory',
      action: 'remove',
      label: 'Defamatory',
      section: 'Annex 1, When to Remove Comments',
      clause: 'It is defamatory or libellous.',
      summary:
        'A damaging claim stated as fact about an identifiable person or business, such as accusing them of a crime, without proof.',
    },
    {
      id: 'spam',
      action: 'remove',
      label: 'Spam',
      section: 'Annex 1, When to Remove Comments',
      clause:
        'It could be classed as spam e.g. website links, promotional content or repeated messages.',
      summary:
        'Website links, promotion, money-making offers, or the same message posted again and again.',
    },
    {
      id: 'sensitive-information',
      action: 'remove',
      label: 'Sensitive information',
      section: 'Annex 1, When to Remove Comments',
      clause:
        'It shares sensitive information e.g. regarding an investigation or covert operation.',
      summary:
        'Details of an investigation or covert operation: planned raids, surveillance, informants, undercover officers, named operations, evidence not made public.',
    },
    {
      id: 'crime-credible-threat',
      action: 'report-crime',
      label: 'Crime: credible threat',
      section: 'Annex 1, When Offensive Content should be Reported as a Crime',
      clause: 'Credible threats to a person’s life, safety, or property.',
      summary:
        'A specific threat to kill, hurt, or damage the property of an identifiable person or place, with intent.',
    },
    {
      id: 'crime-targeted-harassment-hate',
      action: 'report-crime',
      label: 'Crime: harassment or hate',
      section: 'Annex 1, When Offensive Content should be Reported as a Crime',
      clause:
        'Communications targeting specific individuals or protected characteristics, including persistent harassment and ongoing abuse, and hate crime.',
      summary:
        'Abuse aimed at a specific person or a protected group: hate crime, or harassment that is persistent (the same author again and again).',
    },
    {
      id: 'crime-court-order-breach',
      action: 'report-crime',
      label: 'Crime: court order breach',
      section: 'Annex 1, When Offensive Content should be Reported as a Crime',
      clause: 'Breach of court orders, e.g. identifying people protected by law.',
      summary:
        'Identifies someone the law protects: a victim of a sexual offence (lifelong anonymity), a child in proceedings, or anyone covered by a reporting restriction or anonymity order.',
    },
    {
      id: 'crime-grossly-offensive',
      action: 'report-crime',
      label: 'Crime: grossly offensive',
      section: 'Annex 1, When Offensive Content should be Reported as a Crime',
      clause: 'Communications which are grossly offensive, indecent, obscene or false.',
      summary:
        'Content that goes beyond rude: grossly offensive, indecent or obscene material, or a knowingly false communication meant to cause harm (for example a hoax).',
    },
  ],
};

/** The validated policy pack. Throws at start-up if the data above does not match its schema. */
export const POLICY: PolicyPack = PolicyPackSchema.parse(raw);

/** Look up one criterion by id. */
export function criterion(id: PolicyPack['criteria'][number]['id']) {
  const c = POLICY.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`unknown criterion ${id}`);
  return c;
}
