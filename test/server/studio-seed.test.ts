/** The studio demo: the AlterMed brand kit, the consortium's strip, and pictures with valid and expired consent. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../src/server/demo/seed-demo.js';
import { partnerStripFor } from '../../src/server/modules/studio/brand-kit-render.js';
import { seedDemoStudio } from '../../src/server/modules/studio/studio.seed.js';
import { localized } from '../../src/shared/localized-text.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let officer: Session;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  for (const organisation of DEMO_ORGANISATIONS) {
    await t.make.organisation(workspaceId, {
      name: localized({ fr: organisation.fr, ar: organisation.ar }),
      country: organisation.country,
    });
  }
  await seedDemoStudio(t.platform, workspaceId);
});
afterAll(() => t.close());

const url = (suffix: string) => `/api/workspaces/${workspaceId}/studio${suffix}`;

describe('studio demo', () => {
  it('saves the AlterMed kit with both logos and the disclaimer in Arabic and French', async () => {
    const kit = (await t.request(officer, { method: 'GET', url: url('/brand-kit') })).json();
    expect(kit).toMatchObject({ isSaved: true, colors: { primary: '#0f766e' }, contrast: { isBelowAA: false } });
    expect(kit.funderDisclaimer.ar.value).toContain('الاتحاد الأوروبي');
    expect(kit.funderDisclaimer.fr.value).toContain('Union européenne');
    for (const id of [kit.logoLightFileId, kit.logoDarkFileId]) {
      const logo = await t.request(officer, { method: 'GET', url: `/api/workspaces/${workspaceId}/files/${id}` });
      const metadata = await sharp(logo.rawPayload).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 880, 240]);
    }
  });

  it('puts the ten consortium members in the strip, then the EU as funder', async () => {
    const strip = await partnerStripFor(t.platform.database.db, workspaceId, 'ar');
    expect(strip).toHaveLength(11);
    expect(strip[0]?.name).toBe('إيكوسي (ICOSI)');
    expect(strip.at(-1)).toMatchObject({ name: 'الاتحاد الأوروبي', role: 'funder', mention: 'بدعم مالي من' });
  });

  it('adds five pictures; the one whose consent expired is hidden from pickers', async () => {
    const all = (await t.request(officer, { method: 'GET', url: url('/assets') })).json().items;
    expect(all).toHaveLength(5);
    const picked = (await t.request(officer, { method: 'GET', url: url('/assets?usable=true&use=social') })).json().items;
    const titles = picked.map((asset: { title: { fr: { value: string } } }) => asset.title.fr.value);
    expect(titles).toContain('Atelier d’entrepreneuriat collectif à Sfax');
    expect(titles).not.toContain('Formation des jeunes porteurs de projets à Oran');
    expect(picked).toHaveLength(4);
    // Kept for a look by eye: test-results/studio-demo-*.
    for (const asset of all) {
      const thumbnail = await t.request(officer, { method: 'GET', url: url(`/assets/${asset.id}/thumbnail`) });
      expect(thumbnail.statusCode).toBe(200);
      await writeFile(path.join('test-results', `studio-demo-${asset.originalName}.webp`), thumbnail.rawPayload).catch(() => undefined);
    }
  });

  it('runs once: a second call adds nothing', async () => {
    await seedDemoStudio(t.platform, workspaceId);
    const partners = (await t.request(officer, { method: 'GET', url: url('/brand-kit/partners') })).json().items;
    expect(partners).toHaveLength(11);
    expect((await t.request(officer, { method: 'GET', url: url('/assets') })).json().items).toHaveLength(5);
  });
});
