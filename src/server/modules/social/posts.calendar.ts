/**
 * Posts on the shared calendar (kind `social-post`): scheduled ones at their time, published ones at
 * the time they went out, held and failed ones where they were due. Registered when this file is
 * imported (by posts.routes.ts). A post shows under the workspace's planning channels of kind
 * `facebook` (the calendar's channel filter), and under its campaign. A scheduled post carries its
 * `move` (the reschedule endpoint, for members with social:publish): the calendar's drag.
 */
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { CalendarEntry } from '../../../shared/planning/calendar.schema.js';
import { addDays, zonedDateTimeToInstant } from '../../../shared/planning/calendar-date.js';
import { localDateTimeAt } from '../../../shared/social/posts.schema.js';
import { registerCalendarSource } from '../planning/calendar.sources.js';
import { displayStatusOf } from './posts.presenter.js';
import { findPlanChannelIdsOfKind, findPostsInRange } from './posts.repo.js';
import { excerptOf } from './posts.review.js';
import { postSettingsOf } from './posts.service.js';

export const SOCIAL_POST_CALENDAR_KIND = 'social-post';

/** The first line of each language, as the calendar's title. */
function calendarTitle(text: LocalizedText): LocalizedText {
  const out: LocalizedText = {};
  for (const [language, entry] of Object.entries(text) as Array<[keyof LocalizedText, LocalizedText['ar']]>) {
    if (entry?.value.trim()) out[language] = { value: excerptOf(entry.value, 60), status: entry.status };
  }
  return out;
}

registerCalendarSource({
  kind: SOCIAL_POST_CALENDAR_KIND,
  async list(db, workspaceId, range) {
    const { timeZone } = await postSettingsOf(db, workspaceId);
    const channelIds = await findPlanChannelIdsOfKind(db, workspaceId, 'facebook');
    if (range.filters.channelId && !channelIds.includes(range.filters.channelId)) return [];
    const from = zonedDateTimeToInstant(range.from, '00:00', timeZone);
    const to = zonedDateTimeToInstant(addDays(range.to, 1), '00:00', timeZone);
    const rows = await findPostsInRange(db, workspaceId, from, to, range.filters.campaignId);
    return rows.flatMap(({ post }): CalendarEntry[] => {
      const at = post.publishedAt ?? post.scheduledAt;
      if (!at) return [];
      return [
        {
          id: post.id,
          kind: SOCIAL_POST_CALENDAR_KIND,
          title: calendarTitle(post.text as LocalizedText),
          start: at.toISOString(),
          end: at.toISOString(),
          allDay: false,
          campaignId: post.campaignId,
          organisationId: null,
          channelIds,
          status: displayStatusOf(post.status, null),
          link: `/w/${workspaceId}/social/posts/${post.id}`,
          wallClock: localDateTimeAt(at, timeZone),
          // Only a post still waiting to go out moves (the drag, "move to…"); the endpoint keeps its time of day.
          ...(post.status === 'scheduled'
            ? { move: { path: `/api/workspaces/${workspaceId}/social/posts/${post.id}/reschedule`, permission: 'social:publish' as const } }
            : {}),
        },
      ];
    });
  },
});
