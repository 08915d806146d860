/**
 * A workspace for the designs tests: members of each role, an outsider in another workspace, and
 * library images whose consent allows some uses and not others.
 */
import { expect } from 'vitest';
import { multipart, pngOf } from './studio-fixtures.js';
import { createTestApp, type Session, type TestApp } from './test-app.js';

export const FUTURE = '2100-01-01';
export const PAST = '2000-01-01';

export interface DesignsFixture {
  t: TestApp;
  workspaceId: string;
  otherWorkspaceId: string;
  officer: Session;
  contributor: Session;
  viewer: Session;
  outsider: Session;
  /** Images: no one shown; people agreeing to social and web only; people agreeing to everything; expired; missing; another workspace's. */
  assets: Record<'landscape' | 'socialOnly' | 'everything' | 'expired' | 'missing' | 'foreign', string>;
  designsUrl(suffix?: string): string;
  assetsUrl(suffix?: string): string;
}

async function upload(t: TestApp, session: Session, workspaceId: string, name: string, showsPeople: boolean): Promise<string> {
  const response = await t.request(session, {
    method: 'POST',
    url: `/api/workspaces/${workspaceId}/studio/assets`,
    ...multipart(`${name}.png`, await pngOf(320, 200, '#c2410c'), { metadata: JSON.stringify({ showsPeople }) }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function consent(t: TestApp, session: Session, workspaceId: string, assetId: string, scope: string[], expiresOn: string) {
  const response = await t.request(session, {
    method: 'POST',
    url: `/api/workspaces/${workspaceId}/studio/assets/${assetId}/consents`,
    payload: { personName: 'Salma B.', scope, expiresOn },
  });
  expect(response.statusCode, response.body).toBe(201);
}

export async function createDesignsFixture(): Promise<DesignsFixture> {
  const t = await createTestApp();
  const workspaceId = (await t.make.workspace()).id;
  const otherWorkspaceId = (await t.make.workspace()).id;
  const officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  const contributor = await t.signIn((await t.make.member(workspaceId, 'contributor', 'ar')).email);
  const viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  const outsider = await t.signIn((await t.make.member(otherWorkspaceId, 'admin')).email);
  const assets = {
    landscape: await upload(t, contributor, workspaceId, 'paysage', false),
    socialOnly: await upload(t, contributor, workspaceId, 'atelier-reseaux', true),
    everything: await upload(t, contributor, workspaceId, 'atelier-tout', true),
    expired: await upload(t, contributor, workspaceId, 'expire', true),
    missing: await upload(t, contributor, workspaceId, 'sans-accord', true),
    foreign: await upload(t, outsider, otherWorkspaceId, 'ailleurs', false),
  };
  await consent(t, contributor, workspaceId, assets.socialOnly, ['social', 'web'], FUTURE);
  await consent(t, contributor, workspaceId, assets.everything, ['print', 'web', 'social', 'press'], FUTURE);
  await consent(t, contributor, workspaceId, assets.expired, ['print', 'web', 'social', 'press'], PAST);
  return {
    t,
    workspaceId,
    otherWorkspaceId,
    officer,
    contributor,
    viewer,
    outsider,
    assets,
    designsUrl: (suffix = '') => `/api/workspaces/${workspaceId}/studio/designs${suffix}`,
    assetsUrl: (suffix = '') => `/api/workspaces/${workspaceId}/studio/assets${suffix}`,
  };
}

/** A bilingual A3 poster's form for the AlterMed forum in Sfax. */
export function forumPosterData(image: string | null = null) {
  return {
    title: { ar: 'منتدى ريادة الأعمال الجماعية — صفاقس', fr: 'Forum de l’entrepreneuriat collectif — Sfax' },
    subtitle: { ar: 'يوم لتبادل التجارب مع شركاء AlterMed', fr: 'Une journée d’échanges avec les partenaires d’AlterMed' },
    date: '2026-05-14',
    startTime: '09:30',
    endTime: '17:00',
    place: { ar: 'دار الشباب بصفاقس', fr: 'Maison des jeunes de Sfax' },
    cta: { ar: 'التسجيل على altermed.org/forum', fr: 'Inscription : altermed.org/forum' },
    image,
  };
}
