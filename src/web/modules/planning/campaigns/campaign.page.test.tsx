import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import { CampaignPage } from './campaign.page.js';
import { BRIEF_ID, CAMPAIGN_ID, campaign, LAUNCH_ID, plan, VISUALS_ID } from './planning-fixtures.test-data.js';

const bodyOf = (call: ApiCall) => JSON.parse(String(call.body));

function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith(`/campaigns/${CAMPAIGN_ID}/plan`)) return { body: plan };
  if (path.endsWith(`/campaigns/${CAMPAIGN_ID}/goal-date`)) {
    const { dryRun } = bodyOf(call);
    return {
      body: {
        changed: plan.tasks.map((task) => ({
          id: task.id,
          previousStartDate: task.startDate,
          previousDueDate: task.dueDate,
          startDate: task.startDate,
          dueDate: task.dueDate,
        })),
        warnings: [
          { code: 'DUE_ON_NON_WORKING_DAY', taskId: BRIEF_ID, date: '2030-05-12', weekendIn: ['FR'], holidayKeys: [] },
          { code: 'DUE_ON_NON_WORKING_DAY', taskId: LAUNCH_ID, date: '2030-05-26', weekendIn: ['FR'], holidayKeys: [] },
          { code: 'DUE_IN_PAST', taskId: VISUALS_ID, date: '2030-05-17' },
        ],
        isSaved: !dryRun,
      },
    };
  }
  if (path.endsWith(`/campaigns/${CAMPAIGN_ID}`)) return { body: campaign };
  if (path.endsWith(`/tasks/${BRIEF_ID}/move`)) return { body: { changed: [], warnings: [], isSaved: true } };
  if (path.endsWith('/holidays')) return { body: { items: [] } };
  if (path.endsWith('/planning-templates')) return { body: { items: [] } };
  return undefined;
}

const show = (role: 'admin' | 'viewer' = 'admin', tab = 'gantt') =>
  renderPage({
    pattern: '/w/:workspaceId/campaigns/:campaignId',
    path: `/w/${WORKSPACE_ID}/campaigns/${CAMPAIGN_ID}?tab=${tab}`,
    component: CampaignPage,
    api,
    workspace: { role },
  });

describe('campaign page', () => {
  it('draws one bar per task, a diamond for the milestone and an arrow per dependency', async () => {
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Conférence de presse de clôture' })).toBeTruthy();
    const gantt = await screen.findByTestId('gantt');
    const bars = gantt.querySelectorAll('[data-task-id]');
    expect(bars.length).toBe(3);
    expect(gantt.querySelector(`[data-task-id="${LAUNCH_ID}"]`)?.hasAttribute('data-milestone')).toBe(true);
    expect(screen.getByTestId('gantt-arrows').querySelectorAll('path[data-dependency]').length).toBe(2);
    expect(screen.getByRole('button', { name: /^Brief, du 1 mai 2030 au 5 mai 2030/ })).toBeTruthy();
  });

  it('moves a bar with the keyboard: a live preview pushes the dependant, Enter saves', async () => {
    const { calls } = show();
    const brief = await screen.findByRole('button', { name: /^Brief,/ });
    brief.focus();
    for (let step = 0; step < 3; step++) fireEvent.keyDown(brief, { key: 'ArrowRight' });
    const preview = screen.getByTestId('gantt-preview');
    expect(preview.textContent).toContain('1 tâche dépendante repoussée');
    const visuals = screen.getByTestId('gantt').querySelector(`[data-task-id="${VISUALS_ID}"]`);
    expect(visuals?.hasAttribute('data-moved')).toBe(true);
    fireEvent.keyDown(brief, { key: 'Enter' });
    await waitFor(() =>
      expect(calls.some((call) => call.method === 'POST' && call.url.pathname.endsWith(`/tasks/${BRIEF_ID}/move`))).toBe(true),
    );
    const move = calls.find((call) => call.url.pathname.endsWith('/move')) as ApiCall;
    expect(bodyOf(move)).toEqual({ dueDate: '2030-05-08', dryRun: false });
  });

  it('moves the goal date after a dry run that names what moves and what to watch', async () => {
    const { calls } = show();
    fireEvent.click(await screen.findByRole('button', { name: 'Déplacer la date cible' }));
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText(/Nouvelle date cible/) as HTMLInputElement;
    expect(input.value).toBe('2030-05-27');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Voir ce qui change' }));
    const summary = await within(dialog).findByTestId('schedule-change-summary');
    expect(summary.textContent).toContain('3 tâches bougent.');
    expect(summary.textContent).toContain('2 tombent un week-end ou un jour férié.');
    expect(summary.textContent).toContain('1 est désormais dans le passé.');
    expect(calls.filter((call) => call.url.pathname.endsWith('/goal-date')).map(bodyOf)).toEqual([
      { goalDate: '2030-05-27', dryRun: true },
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer le déplacement' }));
    await waitFor(() =>
      expect(calls.filter((call) => call.url.pathname.endsWith('/goal-date')).map(bodyOf)).toContainEqual({
        goalDate: '2030-05-27',
        dryRun: false,
      }),
    );
  });

  it('lets a viewer read the Gantt but not move anything', async () => {
    show('viewer');
    const brief = await screen.findByRole('button', { name: /^Brief,/ });
    expect(brief.hasAttribute('data-movable')).toBe(false);
    fireEvent.keyDown(brief, { key: 'ArrowRight' });
    expect(screen.getByTestId('gantt-preview').textContent).toBe('');
    expect(screen.queryByRole('button', { name: 'Déplacer la date cible' })).toBeNull();
  });
});
