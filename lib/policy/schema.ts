import { z } from 'zod';

/** The twelve criteria of Annex 1, by their stable ids. Order is the order shown to moderators. */
export const CRITERION_IDS = [
  'identifies-person',
  'identifies-officer',
  'offensive-language',
  'threat-abuse-hate',
  'contempt-of-court',
  'defamatory',
  'spam',
  'sensitive-information',
  'crime-credible-threat',
  'crime-targeted-harassment-hate',
  'crime-court-order-breach',
  'crime-grossly-offensive',
] as const;

export const CriterionIdSchema = z.enum(CRITERION_IDS);
export type CriterionId = z.infer<typeof CriterionIdSchema>;

export const ActionSchema = z.enum(['remove', 'report-crime']);
export type Action = z.infer<typeof ActionSchema>;

export const PlatformSchema = z.enum(['facebook', 'x']);
export type Platform = z.infer<typeof PlatformSchema>;

const PlatformGuidanceSchema = z.object({
  /** What the force account can do to the content itself on this platform. */
  canDo: z.array(z.string().min(1)).min(1),
  /** What it cannot do, said plainly so nobody looks for a button that is not there. */
  cannotDo: z.array(z.string().min(1)),
});

export const CriterionSchema = z.object({
  id: CriterionIdSchema,
  action: ActionSchema,
  /** Short label for badges and chips. */
  label: z.string().min(1).max(40),
  /** The Annex 1 bullet, quoted. */
  clause: z.string().min(10),
  /** A one-paragraph plain-English summary of what the clause covers. */
  summary: z.string().min(10),
  /** Where the clause sits in the policy. */
  section: z.string().min(1),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const PolicyPackSchema = z
  .object({
    schemaVersion: z.literal(1),
    /** Bumped whenever the criteria or their wording change; the overlay rescans on a change. */
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}\.\d+$/),
    source: z.string().min(1),
    criteria: z.array(CriterionSchema).length(CRITERION_IDS.length),
    platforms: z.object({ facebook: PlatformGuidanceSchema, x: PlatformGuidanceSchema }),
    /** Steps common to every platform: report to the platform, record as a crime. */
    always: z.array(z.string().min(1)).min(1),
    /** How to report content as a crime (for report-crime criteria). */
    crimeReporting: z.array(z.string().min(1)).min(1),
    /** The Annex 1 advice when many comments on one post have been removed. */
    manyRemovals: z.string().min(1),
    guidelinesUrl: z.string().url(),
    digitalMediaTeam: z.string().min(1),
  })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    for (const c of pack.criteria) {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `duplicate criterion ${c.id}` });
      seen.add(c.id);
      const crime = c.id.startsWith('crime-');
      if (crime !== (c.action === 'report-crime')) {
        ctx.addIssue({ code: 'custom', message: `criterion ${c.id} has the wrong action` });
      }
    }
  });
export type PolicyPack = z.infer<typeof PolicyPackSchema>;
