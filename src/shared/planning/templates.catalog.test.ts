import { describe, expect, it } from 'vitest';
import { CONTENT_LANGUAGES } from '../languages.js';
import { findCycle } from './dependency-graph.js';
import { PlanningTemplateSchema } from './planning-template.schema.js';
import { applyTemplate, scheduleWarnings } from './retro-planning.js';
import { CAMPAIGN_LAUNCH, SHIPPED_TEMPLATES } from './templates.catalog.js';

describe('shipped templates', () => {
  it('ships the six templates of the issue, with distinct keys', () => {
    expect(SHIPPED_TEMPLATES.map((template) => template.key)).toEqual([
      'campaign-launch',
      'newsletter-issue',
      'event',
      'closing-press-conference',
      'press-release',
      'report-publication',
    ]);
  });

  it('keeps the campaign launch rhythm D-45 … D+7', () => {
    expect(CAMPAIGN_LAUNCH.milestones.map((milestone) => `${milestone.key}@${milestone.offsetDays}`)).toEqual([
      'brief@-45',
      'visuals@-30',
      'translation@-21',
      'commission-review@-14',
      'scheduling@-7',
      'launch@0',
      'report@7',
    ]);
  });

  for (const template of SHIPPED_TEMPLATES) {
    describe(template.key, () => {
      it('passes the template schema unchanged', () => {
        const { key: _key, ...content } = template;
        const result = PlanningTemplateSchema.safeParse(content);
        expect(result.error?.issues ?? []).toEqual([]);
        expect(result.data).toEqual(content);
      });

      it('has no dependency cycle and one milestone on the goal date', () => {
        const edges = template.milestones.flatMap((milestone) =>
          milestone.dependsOn.map((prerequisite) => ({ prerequisite, dependant: milestone.key })),
        );
        expect(
          findCycle(
            template.milestones.map((milestone) => milestone.key),
            edges,
          ),
        ).toBeUndefined();
        expect(template.milestones.filter((milestone) => milestone.offsetDays === 0)).toHaveLength(1);
      });

      it('names itself and every milestone in French, Arabic and English', () => {
        for (const text of [template.name, template.description, ...template.milestones.map((milestone) => milestone.title)]) {
          for (const language of CONTENT_LANGUAGES) expect(text?.[language]?.value, `${template.key} ${language}`).toBeTruthy();
          expect(text?.ar?.value).toMatch(/[\u0600-\u06FF]/);
        }
      });

      it('gives a plan whose dependencies already hold once applied', () => {
        const drafts = applyTemplate(template, '2026-09-15');
        const tasks = drafts.map((draft) => ({
          id: draft.milestoneKey,
          status: 'todo' as const,
          startDate: draft.startDate,
          dueDate: draft.dueDate,
        }));
        const dependencies = drafts.flatMap((draft) =>
          draft.dependsOn.map((prerequisiteId) => ({ taskId: draft.milestoneKey, prerequisiteId })),
        );
        const dependencyWarnings = scheduleWarnings(tasks, dependencies, { today: '2026-01-01', countries: [] });
        expect(dependencyWarnings).toEqual([]);
      });
    });
  }
});
