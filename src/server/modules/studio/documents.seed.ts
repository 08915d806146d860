/**
 * The demo workspace's documents, made through the documents service as the officer would: the
 * AlterMed advocacy brief on collective entrepreneurship in the Mediterranean, in Arabic then
 * French (documents-demo.ts), laid out with the brand kit and partner strip the studio demo saved.
 * Runs once per workspace (nothing is added when documents exist). No PDF is rendered here: the
 * first export does it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../platform/auth/auth.tables.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { memberships } from '../../platform/platform.tables.js';
import { createDocumentsService } from './documents.service.js';
import { DEMO_BRIEF } from './documents-demo.js';
import { studioDocuments } from './studio.tables.js';

/** The officer (else an admin) of the workspace acts for the seed. */
async function seedContext(platform: Platform, workspaceId: string): Promise<ServiceContext | undefined> {
  const rows = await platform.database.db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ['officer', 'admin'])));
  const user = rows.find((row) => row.role === 'officer') ?? rows[0];
  if (!user) return undefined;
  return {
    actor: { user: { id: user.id, name: user.name, email: user.email, locale: user.locale }, sessionId: 'demo-seed' },
    membership: { workspaceId, role: 'officer' },
  };
}

/** Seeds the demo brief; returns its id (or undefined when the workspace already has documents). */
export async function seedDemoDocuments(platform: Platform, workspaceId: string): Promise<string | undefined> {
  const db = platform.database.db;
  const [existing] = await db
    .select({ id: studioDocuments.id })
    .from(studioDocuments)
    .where(eq(studioDocuments.workspaceId, workspaceId))
    .limit(1);
  if (existing) return undefined;
  const ctx = await seedContext(platform, workspaceId);
  if (!ctx) throw new Error('the documents demo needs an officer or an admin in the workspace');
  const service = createDocumentsService(platform);
  const created = await service.create(ctx, {
    title: DEMO_BRIEF.title,
    subtitle: DEMO_BRIEF.subtitle,
    layout: DEMO_BRIEF.layout,
    mode: DEMO_BRIEF.mode,
    languages: DEMO_BRIEF.languages,
  });
  await service.update(ctx, created.id, {
    version: created.version,
    bodies: DEMO_BRIEF.bodies,
    bodyStatus: { ar: 'reviewed', fr: 'reviewed' },
  });
  return created.id;
}
