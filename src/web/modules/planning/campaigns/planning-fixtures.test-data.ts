/** A campaign and its plan as the API answers them, for the page tests (far in the future, so "today" never interferes). */
import type { Campaign } from '../../../../shared/planning/campaign.schema.js';
import type { CampaignPlan, Task } from '../../../../shared/planning/task.schema.js';

export const CAMPAIGN_ID = '44444444-4444-4444-8444-444444444444';
export const BRIEF_ID = '55555555-5555-4555-8555-555555555551';
export const VISUALS_ID = '55555555-5555-4555-8555-555555555552';
export const LAUNCH_ID = '55555555-5555-4555-8555-555555555553';

const text = (fr: string, ar: string) => ({ fr: { value: fr, status: 'reviewed' }, ar: { value: ar, status: 'reviewed' } });

export const campaign: Campaign = {
  id: CAMPAIGN_ID,
  title: text('Conférence de presse de clôture', 'الندوة الصحفية الختامية'),
  description: {},
  kind: 'external',
  goalDate: '2030-05-20',
  status: 'planned',
  templateKey: 'closing-press-conference',
  ownerUserId: null,
  objectiveIds: [],
  audienceIds: [],
  channelIds: [],
  taskCounts: { total: 3, done: 0, overdue: 0 },
  isArchived: false,
  createdAt: '2030-01-01T10:00:00.000Z',
  updatedAt: '2030-01-01T10:00:00.000Z',
};

function task(id: string, title: string, startDate: string, dueDate: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    campaignId: CAMPAIGN_ID,
    milestoneKey: null,
    title: text(title, title),
    description: {},
    role: 'officer',
    assigneeUserId: null,
    assigneeName: null,
    organisationId: null,
    status: 'todo',
    startDate,
    dueDate,
    isMilestone: false,
    checklist: [],
    prerequisiteIds: [],
    commentCount: 0,
    attachmentFileIds: [],
    completedAt: null,
    createdAt: '2030-01-01T10:00:00.000Z',
    updatedAt: '2030-01-01T10:00:00.000Z',
    ...extra,
  };
}

export const plan: CampaignPlan = {
  tasks: [
    task(BRIEF_ID, 'Brief', '2030-05-01', '2030-05-05'),
    task(VISUALS_ID, 'Visuels', '2030-05-05', '2030-05-10', { prerequisiteIds: [BRIEF_ID] }),
    task(LAUNCH_ID, 'Conférence', '2030-05-20', '2030-05-20', { isMilestone: true, prerequisiteIds: [VISUALS_ID] }),
  ],
  dependencies: [
    { taskId: VISUALS_ID, prerequisiteId: BRIEF_ID },
    { taskId: LAUNCH_ID, prerequisiteId: VISUALS_ID },
  ],
  warnings: [],
};
