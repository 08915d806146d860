/** Retro-planning templates as the API lists them: shipped ones, workspace copies that replace them, and new ones. */
import { z } from 'zod';
import { LocalizedOut } from './campaign.schema.js';
import { milestoneKeySchema, PlanningTemplateFieldsSchema, PlanningTemplateSchema } from './planning-template.schema.js';

export const PlanningTemplateOutSchema = z.object({
  key: z.string(),
  name: LocalizedOut,
  description: LocalizedOut,
  milestones: z.array(
    z.object({
      key: z.string(),
      title: LocalizedOut,
      offsetDays: z.number().int(),
      durationDays: z.number().int(),
      role: z.string(),
      dependsOn: z.array(z.string()),
    }),
  ),
  /** `shipped`: as delivered; `customized`: a shipped template edited by this workspace; `workspace`: made here. */
  source: z.enum(['shipped', 'customized', 'workspace']),
});
export type PlanningTemplateOut = z.infer<typeof PlanningTemplateOutSchema>;

export const PlanningTemplateListSchema = z.object({ items: z.array(PlanningTemplateOutSchema) });

/** A new workspace template: a key and the template (graph checks included). */
export const PlanningTemplateCreateSchema = PlanningTemplateFieldsSchema.extend({ key: milestoneKeySchema }).superRefine(
  (template, context) => {
    const checked = PlanningTemplateSchema.safeParse({
      name: template.name,
      description: template.description,
      milestones: template.milestones,
    });
    if (!checked.success) for (const issue of checked.error.issues) context.addIssue({ ...issue, code: 'custom', message: issue.message });
  },
);
