/**
 * The sample files shipped for the demo and the README import as the documentation says: the UTF-8
 * sample with its duplicates and bad addresses, the Windows-1256 Mailchimp export with its Arabic names.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportFixture, type ImportFixture } from '../helpers/newsletter-import-fixture.js';

let f: ImportFixture;
beforeAll(async () => {
  f = await createImportFixture();
});
afterAll(() => f.close());

describe('sample files', () => {
  it('imports samples/subscribers-sample.csv: 26 people, 2 repeats and 3 bad rows reported', async () => {
    const bytes = await readFile('samples/subscribers-sample.csv');
    const uploaded = await f.upload('subscribers-sample.csv', bytes);
    const preview = await f.preview(uploaded.id);
    expect(preview).toMatchObject({ encoding: 'utf-8', delimiter: 'comma', estimatedRows: 31 });
    expect(preview.suggestedMapping).toEqual({
      '0': 'email',
      '1': 'first_name',
      '2': 'last_name',
      '3': 'language',
      '4': 'country',
      '5': 'organisation',
      '6': 'tags',
      '7': 'attribute:ville',
    });
    const done = await f.importFile('subscribers-sample.csv', bytes, { listIds: [await f.makeList('Lettre')] });
    expect(done).toMatchObject({ status: 'done', totalRows: 31, createdCount: 26, skippedCount: 2, errorCount: 3 });
    expect(await f.subscriberByEmail('khadija.amrani@assoc-fes.ma')).toMatchObject({
      name: 'خديجة العمراني',
      languages: ['ar'],
      country: 'MA',
      organisationName: 'جمعية التنمية المحلية بفاس',
      attributes: { ville: 'فاس' },
    });
    expect((await f.subscriberByEmail('amine.benali@example.dz'))?.languages).toEqual(['ar', 'fr']);
    const report = await f.t.request(f.session, { method: 'GET', url: `${f.base}/${done.id}/errors.csv?lang=fr` });
    expect(
      report.body
        .split('\r\n')
        .filter((line) => line !== '')
        .map((line) => line.split(',')[0]),
    ).toEqual(['\uFEFFLigne', '25', '26', '27', '30', '32']);
  });

  it('imports samples/subscribers-mailchimp-1256.csv with its Arabic names read right', async () => {
    const bytes = await readFile('samples/subscribers-mailchimp-1256.csv');
    const uploaded = await f.upload('subscribers-mailchimp-1256.csv', bytes);
    const preview = await f.preview(uploaded.id);
    expect(preview).toMatchObject({ encoding: 'windows-1256', delimiter: 'semicolon', estimatedRows: 10 });
    expect(preview.rows[7]?.[2]).toBe('بن عيسى (née à Oran)');
    const done = await f.importFile('subscribers-mailchimp-1256.csv', bytes);
    expect(done).toMatchObject({ status: 'done', createdCount: 1, updatedCount: 9, errorCount: 0 });
    expect(await f.subscriberByEmail('amel.benaissa@example.dz')).toMatchObject({
      name: 'آمال بن عيسى (née à Oran)',
      country: 'DZ',
      attributes: {},
    });
    // Already imported from the first sample: the Mailchimp file adds to what was known.
    expect(await f.subscriberByEmail('khadija.amrani@assoc-fes.ma')).toMatchObject({
      name: 'خديجة العمراني',
      tags: ['جمعيات', 'فاس'],
      attributes: { ville: 'فاس', phone_number: '+212600000001' },
    });
  });
});
