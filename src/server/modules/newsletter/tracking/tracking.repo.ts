/**
 * Open and click recording: one statement each, and only when the delivery's workspace has the
 * matching tracking switch on (checked in the same statement, so a switch turned off stops recording
 * at once, even for issues sent before).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../../platform/audit/audit.js';

/** Counts an open: `open_count + 1`, `opened_at` set by the first one only. */
export async function recordOpen(db: DbOrTransaction, deliveryId: number): Promise<void> {
  await db.execute(sql`
    update newsletter_delivery d
    set open_count = d.open_count + 1, opened_at = coalesce(d.opened_at, now())
    from newsletter_settings s
    where d.id = ${deliveryId} and s.workspace_id = d.workspace_id and s.track_opens`);
}

/**
 * Records a click on `url`: a `newsletter_click` row, `click_count + 1`, `clicked_at` set by the first click, and an open
 * when none was seen (clients that block images still open the message to click), if opens are tracked.
 */
export async function recordClick(db: DbOrTransaction, deliveryId: number, url: string): Promise<void> {
  await db.execute(sql`
    with touched as (
      update newsletter_delivery d
      set clicked_at = coalesce(d.clicked_at, now()),
          click_count = d.click_count + 1,
          opened_at = case when s.track_opens then coalesce(d.opened_at, now()) else d.opened_at end,
          open_count = case when s.track_opens then greatest(d.open_count, 1) else d.open_count end
      from newsletter_settings s
      where d.id = ${deliveryId} and s.workspace_id = d.workspace_id and s.track_clicks
      returning d.id, d.issue_id
    )
    insert into newsletter_click (issue_id, delivery_id, url)
    select issue_id, id, ${url} from touched`);
}
