import type { CriterionCases } from './types';
import { cases as identifiesPerson } from './identifies-person';
import { cases as identifiesOfficer } from './identifies-officer';
import { cases as offensiveLanguage } from './offensive-language';
import { cases as threatAbuseHate } from './threat-abuse-hate';
import { cases as contemptOfCourt } from './contempt-of-court';
import { cases as defamatory } from './defamatory';
import { cases as spam } from './spam';
import { cases as sensitiveInformation } from './sensitive-information';
import { cases as crimeCredibleThreat } from './crime-credible-threat';
import { cases as crimeTargetedHarassmentHate } from './crime-targeted-harassment-hate';
import { cases as crimeCourtOrderBreach } from './crime-court-order-breach';
import { cases as crimeGrosslyOffensive } from './crime-grossly-offensive';

export type { Case, CriterionCases } from './types';

/** Every criterion's flag / no-flag table, in Annex 1 order. */
export const allCases: CriterionCases[] = [
  identifiesPerson,
  identifiesOfficer,
  offensiveLanguage,
  threatAbuseHate,
  contemptOfCourt,
  defamatory,
  spam,
  sensitiveInformation,
  crimeCredibleThreat,
  crimeTargetedHarassmentHate,
  crimeCourtOrderBreach,
  crimeGrosslyOffensive,
];
