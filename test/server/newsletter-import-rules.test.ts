/**
 * What an import may and may not do to people: one subscriber per normalized address (within the
 * file and against the database), existing people updated without losing what the file does not say,
 * and nobody who unsubscribed, bounced or complained subscribed again — nor put back on a list they left.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentRecords, newsletterBounces, subscribers } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { insertSuppression } from '../../src/server/modules/newsletter/subscriptions.repo.js';
import { CONSENT, createImportFixture, type ImportFixture } from '../helpers/newsletter-import-fixture.js';

let f: ImportFixture;
beforeAll(async () => {
  f = await createImportFixture();
});
afterAll(() => f.close());

describe('deduplication', () => {
  it('keeps the first of the file’s rows with the same normalized address and reports the others', async () => {
    const listId = await f.makeList();
    const done = await f.importFile(
      'dupes.csv',
      [
        'email,name',
        'Amina.Idrissi@Example.MA,أمينة الإدريسي',
        ' amina.idrissi@example.ma ,Amina I.',
        'AMINA.IDRISSI@EXAMPLE.MA,Autre',
        'nadia@example.ma,نادية',
      ].join('\n'),
      { listIds: [listId] },
    );
    expect(done).toMatchObject({ status: 'done', totalRows: 4, createdCount: 2, skippedCount: 2, errorCount: 0, hasErrorReport: true });
    const amina = await f.subscriberByEmail('amina.idrissi@example.ma');
    expect(amina?.name).toBe('أمينة الإدريسي');
    expect(await f.consentsOf(amina?.id as string)).toHaveLength(1);
    const rows = await f.t.platform.database.db
      .select()
      .from(subscribers)
      .where(eq(subscribers.emailNormalized, 'amina.idrissi@example.ma'));
    expect(rows).toHaveLength(1);
  });

  it('updates people already subscribed: given values replace, tags and attributes add up, blanks erase nothing', async () => {
    const listId = await f.makeList();
    const id = await f.makeSubscriber({
      email: 'Omar@Example.TN',
      name: 'Omar Trabelsi',
      tags: ['bénévole'],
      attributes: { city: 'Sfax', role: 'trésorier' },
    });
    await f.subscribe(listId, id, 'confirmed');
    const done = await f.importFile('update.csv', 'email;name;country;tags;city\nomar@example.tn;;TN;jeunes;Tunis\n', {
      listIds: [listId],
      tags: ['forum'],
    });
    expect(done).toMatchObject({ createdCount: 0, updatedCount: 1, skippedCount: 0, errorCount: 0 });
    const omar = await f.subscriberByEmail('omar@example.tn');
    expect(omar).toMatchObject({
      id,
      email: 'Omar@Example.TN',
      name: 'Omar Trabelsi',
      country: 'TN',
      tags: ['bénévole', 'jeunes', 'forum'],
      attributes: { city: 'Tunis', role: 'trésorier' },
    });
    // Already confirmed on the list: no new consent record.
    expect(await f.consentsOf(id)).toHaveLength(0);
  });
});

describe('suppression', () => {
  it('never subscribes again someone who unsubscribed, bounced or complained, and says why', async () => {
    const listId = await f.makeList();
    const unsubscribed = await f.makeSubscriber({ email: 'gone@example.fr', status: 'unsubscribed', name: 'Ancien' });
    const bounced = await f.makeSubscriber({ email: 'bounce@example.fr', status: 'bounced' });
    const complained = await f.makeSubscriber({ email: 'spam@example.fr', status: 'complained' });
    await f.subscribe(listId, unsubscribed, 'unsubscribed');
    // A hard bounce recorded for an address whose subscriber was erased.
    await f.t.platform.database.db
      .insert(newsletterBounces)
      .values({ workspaceId: f.workspaceId, emailNormalized: 'erased@example.fr', type: 'hard', source: 'webhook' });
    // Someone erased on request: only a hash of the address is left.
    await insertSuppression(f.t.platform.database.db, f.workspaceId, 'wiped@example.fr');

    const done = await f.importFile(
      'reimport.csv',
      'email,name\ngone@example.fr,Nouveau nom\nbounce@example.fr,B\nspam@example.fr,S\nerased@example.fr,E\nWiped@Example.fr,W\nfresh@example.fr,Frais\n',
      { listIds: [listId] },
    );
    expect(done).toMatchObject({ createdCount: 1, updatedCount: 0, skippedCount: 5, errorCount: 0 });
    expect(await f.subscriberByEmail('gone@example.fr')).toMatchObject({ status: 'unsubscribed', name: 'Ancien' });
    expect(await f.subscriptionsOf(unsubscribed)).toEqual([{ listId, status: 'unsubscribed' }]);
    for (const id of [unsubscribed, bounced, complained]) expect(await f.consentsOf(id)).toHaveLength(0);
    expect(await f.subscriptionsOf(bounced)).toEqual([]);
    expect(await f.subscriberByEmail('erased@example.fr')).toBeUndefined();
    expect(await f.subscriberByEmail('wiped@example.fr')).toBeUndefined();
    expect(await f.subscriberByEmail('fresh@example.fr')).toMatchObject({ searchText: 'frais fresh@example.fr' });

    const report = await f.t.request(f.session, { method: 'GET', url: `${f.base}/${done.id}/errors.csv?lang=en` });
    expect(report.body.split('\r\n').slice(1, 6)).toEqual([
      '2,gone@example.fr,Unsubscribed person: an import does not subscribe them again',
      '3,bounce@example.fr,Hard-bounced address: an import does not subscribe it again',
      '4,spam@example.fr,Person who reported a message as spam: an import does not subscribe them again',
      '5,erased@example.fr,Hard-bounced address: an import does not subscribe it again',
      '6,Wiped@Example.fr,Address erased at the person’s request: an import does not bring it back',
    ]);
  });

  it('leaves someone off a list they left, while adding them to the others', async () => {
    const left = await f.makeList('Quittée');
    const other = await f.makeList('Autre');
    const id = await f.makeSubscriber({ email: 'partial@example.ma' });
    await f.subscribe(left, id, 'unsubscribed');
    const done = await f.importFile('partial.csv', 'email\npartial@example.ma\n', { listIds: [left, other] });
    expect(done).toMatchObject({ updatedCount: 1, skippedCount: 0 });
    const subscriptions = await f.subscriptionsOf(id);
    expect(subscriptions).toHaveLength(2);
    expect(subscriptions).toContainEqual({ listId: left, status: 'unsubscribed' });
    expect(subscriptions).toContainEqual({ listId: other, status: 'confirmed' });
    const consents = await f.consentsOf(id);
    expect(consents.map((consent) => consent.listId)).toEqual([other]);
  });

  it('confirms a pending double opt-in, with a consent record', async () => {
    const listId = await f.makeList();
    const id = await f.makeSubscriber({ email: 'pending@example.dz' });
    await f.subscribe(listId, id, 'unconfirmed');
    await f.importFile('pending.csv', 'email\npending@example.dz\n', { listIds: [listId] });
    expect(await f.subscriptionsOf(id)).toEqual([{ listId, status: 'confirmed' }]);
    expect((await f.consentsOf(id)).map((consent) => consent.consentText)).toEqual([CONSENT]);
  });

  it('imports without lists: people are recorded, subscribed to nothing, with no consent claimed', async () => {
    const done = await f.importFile('nolist.csv', 'email,langue\nsolo@example.fr,arabe\n');
    expect(done).toMatchObject({ createdCount: 1 });
    const solo = await f.subscriberByEmail('solo@example.fr');
    expect(solo?.languages).toEqual(['ar']);
    expect(await f.subscriptionsOf(solo?.id as string)).toEqual([]);
    const consents = await f.t.platform.database.db.select().from(consentRecords).where(eq(consentRecords.importId, done.id));
    expect(consents).toHaveLength(0);
  });
});
