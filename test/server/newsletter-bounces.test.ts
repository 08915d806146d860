/**
 * Bounces: the providers' webhook (generic shape, Amazon SES through SNS, Mailgun) behind its secret,
 * hard bounces and complaints suppressing at once, soft bounces after three issues in a row, the
 * mailbox-free manual marking, and the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';
import { trackingFixture } from '../helpers/tracking-fixture.js';

let t: TestApp;
let fixture: ReturnType<typeof trackingFixture>;
let admin: Session;
let officer: Session;
let viewer: Session;
let workspaceId: string;
let webhookPath: string;

beforeAll(async () => {
  t = await createTestApp();
  fixture = trackingFixture(t.platform);
  workspaceId = (await t.make.workspace()).id;
  admin = await t.signIn((await t.make.member(workspaceId, 'admin')).email);
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  const settings = await t.request(admin, {
    method: 'POST',
    url: `/api/workspaces/${workspaceId}/newsletter/settings/bounce-webhook`,
    payload: {},
  });
  webhookPath = new URL(settings.json().bounceWebhookUrl).pathname;
});
afterAll(() => t.close());

const post = (payload: unknown, url = webhookPath, contentType = 'application/json') =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': contentType },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

/** A subscriber with one sent delivery per issue, oldest first. */
async function reader(issues = 1) {
  const subscriber = await fixture.subscriber(workspaceId, { email: `Reader.${Math.random().toString(36).slice(2, 8)}@Example.test` });
  const deliveries = [];
  for (let index = 0; index < issues; index += 1) {
    const issue = await fixture.issue(workspaceId);
    deliveries.push(await fixture.delivery(workspaceId, issue.id, subscriber, { sentAt: new Date(Date.UTC(2026, 0, 1 + index)) }));
  }
  return { subscriber, deliveries };
}

const bareId = (messageId: string | null) => String(messageId).replace(/^<|>$/g, '');
const isActive = async (id: string) =>
  (await fixture.count("select count(*) from subscriber where id = $1 and status = 'active'", [id])) === 1;

describe('bounce webhook', () => {
  it('answers 404 to a wrong secret, an unknown workspace or a workspace without a webhook, and records nothing', async () => {
    const { subscriber } = await reader();
    const body = { email: subscriber.email, type: 'hard' };
    const other = await t.make.workspace();
    const secret = webhookPath.split('/').at(-1) as string;
    for (const url of [
      // The secret with its last character changed (to another one than it has).
      `${webhookPath.slice(0, -1)}${webhookPath.endsWith('x') ? 'y' : 'x'}`,
      `/n/bounces/${other.id}/${secret}`,
      `/n/bounces/00000000-0000-4000-8000-000000000000/${secret}`,
      `/n/bounces/not-a-uuid/${secret}`,
    ]) {
      const response = await post(body, url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
    expect(await isActive(subscriber.id)).toBe(true);
    expect(await fixture.count('select count(*) from newsletter_bounce where subscriber_id = $1', [subscriber.id])).toBe(0);
  });

  it('records a hard bounce matched by Message-ID, ends the delivery and suppresses the subscriber; a repeat is ignored', async () => {
    const { subscriber, deliveries } = await reader(2);
    const older = deliveries[0];
    const body = {
      email: subscriber.email,
      type: 'hard',
      messageId: bareId(older?.messageId ?? null),
      diagnostic: '550 5.1.1 user unknown',
    };
    const response = await post(body);
    expect(response.json()).toEqual({ received: 1, recorded: 1, unknown: 0, ignored: 0 });
    const delivery = await fixture.deliveryById(older?.id as number);
    expect(delivery).toMatchObject({ state: 'bounced', bounceType: 'hard' });
    expect(delivery.bouncedAt).toBeInstanceOf(Date);
    expect((await fixture.deliveryById(deliveries[1]?.id as number)).state).toBe('sent');
    const stored = await fixture.subscriberById(subscriber.id);
    expect(stored.status).toBe('bounced');
    expect(stored.bouncedAt).toBeInstanceOf(Date);
    // Excluded from every future send: the audience only takes active subscribers.
    expect(await isActive(subscriber.id)).toBe(false);
    expect((await post(body)).json()).toEqual({ received: 1, recorded: 0, unknown: 0, ignored: 1 });
    const { rows } = await t.platform.database.executeSql(
      'select type, source, diagnostic, delivery_id::int as delivery_id from newsletter_bounce where subscriber_id = $1',
      [subscriber.id],
    );
    expect(rows).toEqual([{ type: 'hard', source: 'webhook', diagnostic: '550 5.1.1 user unknown', delivery_id: older?.id }]);
  });

  it('suppresses after soft bounces on three issues in a row, and not when an issue in between arrived', async () => {
    const steady = await reader(3);
    for (const [index, delivery] of steady.deliveries.entries()) {
      await post([{ email: steady.subscriber.email, type: 'soft', messageId: delivery.messageId }]);
      const stored = await fixture.subscriberById(steady.subscriber.id);
      expect(stored.softBounceCount).toBe(index + 1);
      expect(stored.status).toBe(index < 2 ? 'active' : 'bounced');
      // A soft-bounced message was delivered to the relay: it stays `sent`, never re-sent for this issue.
      expect((await fixture.deliveryById(delivery.id)).state).toBe('sent');
    }
    const broken = await reader(3);
    await post({ email: broken.subscriber.email, type: 'soft', messageId: broken.deliveries[0]?.messageId });
    await post({ email: broken.subscriber.email, type: 'soft', messageId: broken.deliveries[2]?.messageId });
    expect(await fixture.subscriberById(broken.subscriber.id)).toMatchObject({ softBounceCount: 1, status: 'active' });
    // A soft bounce without Message-ID is about the latest issue sent; a repeat does not count twice.
    await post({ email: broken.subscriber.email.toUpperCase(), type: 'soft' });
    expect((await post({ email: broken.subscriber.email, type: 'soft' })).json().recorded).toBe(0);
    expect(await fixture.subscriberById(broken.subscriber.id)).toMatchObject({ softBounceCount: 1, status: 'active' });
  });

  it('reads Amazon SES notifications inside their SNS envelope, posted as text/plain', async () => {
    const hard = await reader();
    const soft = await reader();
    const complaint = await reader();
    const sns = (message: unknown) => ({
      Type: 'Notification',
      MessageId: 'abc',
      TopicArn: 'arn:aws:sns:eu-west-1:1:bounces',
      Message: JSON.stringify(message),
    });
    const mail = (messageId: string | null) => ({
      messageId: '0102015fd91a5ca3-ses-own-id',
      commonHeaders: { messageId: messageId ?? undefined },
      headers: [{ name: 'Message-ID', value: messageId }],
    });
    const bounce = (email: string, bounceType: string, messageId: string | null) =>
      sns({
        notificationType: 'Bounce',
        bounce: {
          bounceType,
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: email, status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1' }],
        },
        mail: mail(messageId),
      });
    const permanent = await post(
      bounce(hard.subscriber.email, 'Permanent', hard.deliveries[0]?.messageId ?? null),
      webhookPath,
      'text/plain; charset=UTF-8',
    );
    expect(permanent.json()).toMatchObject({ recorded: 1 });
    expect((await fixture.deliveryById(hard.deliveries[0]?.id as number)).bounceType).toBe('hard');
    await post(
      bounce(`"Lecteur" <${soft.subscriber.email}>`, 'Transient', soft.deliveries[0]?.messageId ?? null),
      webhookPath,
      'text/plain',
    );
    expect(await fixture.subscriberById(soft.subscriber.id)).toMatchObject({ softBounceCount: 1, status: 'active' });
    await post(
      sns({
        notificationType: 'Complaint',
        complaint: { complainedRecipients: [{ emailAddress: complaint.subscriber.email }], complaintFeedbackType: 'abuse' },
        mail: mail(complaint.deliveries[0]?.messageId ?? null),
      }),
    );
    expect((await fixture.subscriberById(complaint.subscriber.id)).status).toBe('complained');
    // A complaint is about a message that arrived: it stays delivered, marked as a complaint.
    expect(await fixture.deliveryById(complaint.deliveries[0]?.id as number)).toMatchObject({ state: 'sent', bounceType: 'complaint' });
    const delivery = await post(sns({ notificationType: 'Delivery', delivery: {}, mail: mail(null) }));
    expect(delivery.json()).toEqual({ received: 0, recorded: 0, unknown: 0, ignored: 1 });
  });

  it('reads Mailgun webhooks, and answers unknown addresses, unreadable payloads and SNS subscription requests', async () => {
    const { subscriber, deliveries } = await reader();
    const mailgun = {
      signature: { timestamp: '1', token: 't', signature: 's' },
      'event-data': {
        event: 'failed',
        severity: 'permanent',
        recipient: subscriber.email,
        message: { headers: { 'message-id': bareId(deliveries[0]?.messageId ?? null) } },
        'delivery-status': { code: 550, description: 'No such mailbox' },
      },
    };
    expect((await post(mailgun)).json()).toMatchObject({ recorded: 1 });
    expect((await fixture.subscriberById(subscriber.id)).status).toBe('bounced');

    expect((await post({ email: 'nobody@example.test', type: 'hard' })).json()).toEqual({
      received: 1,
      recorded: 0,
      unknown: 1,
      ignored: 0,
    });
    for (const payload of [{ hello: 'world' }, [], 'not json', { email: 'a@b.example', type: 'bounced' }]) {
      const response = await post(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    // Only AWS confirmation links are ever fetched; this one is recorded for the admin, not opened.
    const subscription = await post(
      { Type: 'SubscriptionConfirmation', TopicArn: 'arn:aws:sns:eu-west-1:1:bounces', SubscribeURL: 'http://127.0.0.1:9/steal' },
      webhookPath,
      'text/plain',
    );
    expect(subscription.statusCode).toBe(200);
    const { rows } = await t.platform.database.executeSql(
      "select after from audit_log where action = 'bounce-webhook-subscription' and workspace_id = $1",
      [workspaceId],
    );
    expect(rows[0]).toMatchObject({ after: { subscribeUrl: 'http://127.0.0.1:9/steal', isConfirmed: false } });
  });
});

describe('manual bounces and the list', () => {
  const url = () => `/api/workspaces/${workspaceId}/newsletter/bounces`;

  it('marks pasted addresses, normalized, and reports the unknown and malformed ones', async () => {
    const { subscriber, deliveries } = await reader();
    const complainer = await reader();
    const response = await t.request(officer, {
      method: 'POST',
      url: url(),
      payload: {
        emails: [`  ${subscriber.email.toUpperCase()} `, 'Nobody@Example.test', 'not-an-email', '', subscriber.email],
        type: 'hard',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ marked: 1, unknown: ['nobody@example.test'], invalid: ['not-an-email'] });
    expect((await fixture.subscriberById(subscriber.id)).status).toBe('bounced');
    expect(await fixture.deliveryById(deliveries[0]?.id as number)).toMatchObject({ state: 'bounced', bounceType: 'hard' });
    await t.request(officer, { method: 'POST', url: url(), payload: { emails: [complainer.subscriber.email], type: 'complaint' } });
    expect((await fixture.subscriberById(complainer.subscriber.id)).status).toBe('complained');
    const { rows } = await t.platform.database.executeSql(
      "select after from audit_log where action = 'mark-bounced' and workspace_id = $1 order by id",
      [workspaceId],
    );
    expect(rows[0]).toMatchObject({ after: { type: 'hard', emails: [subscriber.email.toLowerCase()], unknown: 1, invalid: 1 } });
  });

  it('lists bounces newest first, page by page, with the issue they are about', async () => {
    const first = (await t.request(officer, { method: 'GET', url: `${url()}?limit=2` })).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(first.items[0].createdAt >= first.items[1].createdAt).toBe(true);
    expect(first.items[0]).toMatchObject({ type: 'complaint', source: 'manual', issueId: expect.any(String) });
    const all: Array<{ id: string }> = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
        await t.request(officer, { method: 'GET', url: `${url()}?limit=3${cursor ? `&cursor=${cursor}` : ''}` })
      ).json();
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    expect(all.length).toBe(await fixture.count('select count(*) from newsletter_bounce where workspace_id = $1', [workspaceId]));
    const hardOnly = (await t.request(officer, { method: 'GET', url: `${url()}?type=hard&limit=100` })).json();
    expect(hardOnly.items.every((item: { type: string }) => item.type === 'hard')).toBe(true);
  });

  it('keeps the list to those who see subscribers, marking to those who manage them, and other workspaces out', async () => {
    expect((await t.request(viewer, { method: 'GET', url: url() })).statusCode).toBe(403);
    expect((await t.request(viewer, { method: 'POST', url: url(), payload: { emails: ['a@b.example'] } })).statusCode).toBe(403);
    const other = await t.make.workspace();
    const foreign = `/api/workspaces/${other.id}/newsletter/bounces`;
    expect((await t.request(admin, { method: 'GET', url: foreign })).statusCode).toBe(404);
    expect((await t.request(admin, { method: 'POST', url: foreign, payload: { emails: ['a@b.example'] } })).statusCode).toBe(404);
    const tooMany = await t.request(admin, { method: 'POST', url: url(), payload: { emails: Array(5001).fill('a@b.example') } });
    expect(tooMany.statusCode).toBe(400);
  });
});
