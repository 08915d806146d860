/** Notifications: stored once per recipient, read in the reader's language, emailed in the recipient's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/server/platform/notifications/notify.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let workspaceId: string;
let officer: Session;
let contributor: Session;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  contributor = await t.signIn((await t.make.member(workspaceId, 'contributor', 'ar')).email);
});
afterAll(() => t.close());

describe('notifications', () => {
  it('notifies each recipient once, emails them in their own language, and pages newest first', async () => {
    for (let index = 0; index < 3; index += 1) {
      await notify(t.platform, {
        workspaceId,
        userIds: [contributor.userId, contributor.userId],
        kind: 'task-assigned',
        params: { actor: 'Salma', task: 'ملصق ورشة صفاقس' },
        link: `/app/w/${workspaceId}/needs`,
        email: index === 0,
      });
    }
    const { rows } = await t.platform.database.executeSql('select subject, text_body from mail_outbox where to_address = $1', [
      contributor.email,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.subject).toBe('أسند إليك Salma المهمة «ملصق ورشة صفاقس».');
    expect(String(rows[0]?.text_body)).toContain('تواصل');
    expect(String(rows[0]?.text_body)).toContain(`/app/w/${workspaceId}/needs`);

    const url = `/api/workspaces/${workspaceId}/notifications`;
    const first = (await t.request(contributor, { method: 'GET', url: `${url}?limit=2` })).json();
    expect(first.items).toHaveLength(2);
    const second = (await t.request(contributor, { method: 'GET', url: `${url}?limit=2&cursor=${first.nextCursor}` })).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(3);

    expect((await t.request(officer, { method: 'GET', url })).json().items).toEqual([]);
    const unread = () => t.request(contributor, { method: 'GET', url: `${url}/unread-count` }).then((response) => response.json().count);
    expect(await unread()).toBe(3);
    expect((await t.request(officer, { method: 'POST', url: `${url}/${ids[0]}/read` })).statusCode).toBe(204);
    expect(await unread()).toBe(3);
    await t.request(contributor, { method: 'POST', url: `${url}/${ids[0]}/read` });
    expect(await unread()).toBe(2);
    await t.request(contributor, { method: 'POST', url: `${url}/read-all` });
    expect(await unread()).toBe(0);
  });

  it('refuses a forged cursor with a field error', async () => {
    const response = await t.request(contributor, { method: 'GET', url: `/api/workspaces/${workspaceId}/notifications?cursor=bm9wZQ` });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.cursor.code).toBe('INVALID_VALUE');
  });
});
