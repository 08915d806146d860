/** The demo designs: a bilingual A3 poster for the Sfax forum and an Arabic social card, made from the studio demo's kit and pictures. */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../src/server/demo/seed-demo.js';
import { seedDemoDesigns } from '../../src/server/modules/studio/designs.seed.js';
import { seedDemoStudio } from '../../src/server/modules/studio/studio.seed.js';
import { localized } from '../../src/shared/localized-text.js';
import { containsWordsInOrder, pdfText } from '../helpers/pdf-tools.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let viewer: Session;
let workspaceId: string;
const url = (suffix = '') => `/api/workspaces/${workspaceId}/studio/designs${suffix}`;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  await t.make.member(workspaceId, 'officer');
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  for (const organisation of DEMO_ORGANISATIONS) {
    await t.make.organisation(workspaceId, {
      name: localized({ fr: organisation.fr, ar: organisation.ar }),
      country: organisation.country,
    });
  }
  await seedDemoStudio(t.platform, workspaceId);
  await seedDemoDesigns(t.platform, workspaceId);
});
afterAll(() => t.close());

async function designs() {
  return (await t.request(viewer, { method: 'GET', url: url() })).json().items as Array<{
    id: string;
    template: string;
    variant: string;
    assetIds: string[];
    assetProblems: Record<string, string>;
  }>;
}

describe('demo designs', () => {
  it('makes the bilingual Sfax poster with the workshop photo and the partner strip, ready to export', async () => {
    const poster = (await designs()).find((design) => design.template === 'a3-poster');
    expect(poster).toMatchObject({ variant: 'bilingual', assetProblems: {} });
    expect(poster?.assetIds).toHaveLength(1);
    const pdf = await t.request(viewer, { method: 'GET', url: url(`/${poster?.id}/export?format=pdf`) });
    expect(pdf.statusCode, pdf.body).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(containsWordsInOrder(text, 'منتدى ريادة الأعمال الجماعية — صفاقس')).toBe(true);
    expect(containsWordsInOrder(text, 'Forum de l’entrepreneuriat collectif — Sfax')).toBe(true);
    expect(text).toContain('Avec le soutien financier de');
    expect(text).toContain('Union européenne');
  });

  it('makes an Arabic social card with a picture showing no one', async () => {
    const card = (await designs()).find((design) => design.template === 'social-post');
    expect(card).toMatchObject({ variant: 'ar', assetProblems: {} });
    expect(card?.assetIds).toHaveLength(1);
    const png = await t.request(viewer, { method: 'GET', url: url(`/${card?.id}/export?format=png`) });
    expect(png.statusCode, png.body).toBe(200);
    const image = PNG.sync.read(png.rawPayload);
    expect([image.width, image.height]).toEqual([1080, 1080]);
  });

  it('adds nothing when run again', async () => {
    await seedDemoDesigns(t.platform, workspaceId);
    expect(await designs()).toHaveLength(2);
  });
});
