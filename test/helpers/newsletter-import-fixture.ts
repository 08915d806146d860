/**
 * A workspace with an officer signed in, and the calls of the import wizard (upload, preview, start,
 * run the queued job), plus direct builders for lists and subscribers: the import tests do not lean
 * on the audience module's services.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { consentRecords, listSubscriptions, mailingLists, subscribers } from '../../src/server/modules/newsletter/newsletter.tables.js';
import type { ImportPreview, ImportStart, SubscriberImport } from '../../src/shared/newsletter/import-api.schema.js';
import type { Role } from '../../src/shared/roles.js';
import { createTestApp, type Session, type TestApp } from './test-app.js';

/** A multipart body with one file field. */
export function multipart(fileName: string, bytes: Uint8Array | string, contentType = 'text/csv') {
  const boundary = '----tawasul-import-test';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface ImportFixture {
  t: TestApp;
  workspaceId: string;
  session: Session;
  base: string;
  signInAs(role: Role, locale?: string): Promise<Session>;
  upload(fileName: string, bytes: Uint8Array | string, session?: Session): Promise<SubscriberImport>;
  preview(id: string, query?: string): Promise<ImportPreview>;
  start(id: string, body: ImportStart): Promise<SubscriberImport>;
  /** Uploads, takes the suggested mapping, starts, and runs the job to its end. */
  importFile(fileName: string, bytes: Uint8Array | string, options?: Partial<ImportStart>): Promise<SubscriberImport>;
  runJobs(): Promise<void>;
  get(id: string): Promise<SubscriberImport>;
  makeList(name?: string, inWorkspaceId?: string): Promise<string>;
  makeSubscriber(values: {
    email: string;
    status?: string;
    name?: string;
    tags?: string[];
    attributes?: Record<string, string>;
  }): Promise<string>;
  subscribe(listId: string, subscriberId: string, status: string): Promise<void>;
  subscriberByEmail(email: string): Promise<typeof subscribers.$inferSelect | undefined>;
  subscriptionsOf(subscriberId: string): Promise<Array<{ listId: string; status: string }>>;
  consentsOf(subscriberId: string): Promise<Array<typeof consentRecords.$inferSelect>>;
  close(): Promise<void>;
}

export const CONSENT = 'J’accepte de recevoir la lettre d’AlterMed · أوافق على تلقي نشرة ألترمد';

export async function createImportFixture(env: Record<string, string> = {}): Promise<ImportFixture> {
  const t = await createTestApp({}, env);
  const db = t.platform.database.db;
  const workspace = await t.make.workspace();
  const workspaceId = workspace.id;
  const officer = await t.make.member(workspaceId, 'officer');
  const session = await t.signIn(officer.email);
  const base = `/api/workspaces/${workspaceId}/newsletter/imports`;

  async function expectJson<T>(response: { statusCode: number; body: string; json(): unknown }, status: number): Promise<T> {
    if (response.statusCode !== status) throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
    return response.json() as T;
  }

  const fixture: ImportFixture = {
    t,
    workspaceId,
    session,
    base,
    async signInAs(role, locale = 'fr') {
      const member = await t.make.member(workspaceId, role, locale);
      return t.signIn(member.email);
    },
    async upload(fileName, bytes, as = session) {
      return expectJson(await t.request(as, { method: 'POST', url: base, ...multipart(fileName, bytes) }), 201);
    },
    async preview(id, query = '') {
      return expectJson(await t.request(session, { method: 'GET', url: `${base}/${id}/preview${query}` }), 200);
    },
    async start(id, body) {
      return expectJson(await t.request(session, { method: 'POST', url: `${base}/${id}/start`, payload: body }), 200);
    },
    async importFile(fileName, bytes, options = {}) {
      const uploaded = await fixture.upload(fileName, bytes);
      const preview = await fixture.preview(uploaded.id);
      await fixture.start(uploaded.id, {
        encoding: preview.encoding,
        delimiter: preview.delimiter,
        mapping: preview.suggestedMapping as ImportStart['mapping'],
        listIds: [],
        tags: [],
        consentText: CONSENT,
        ...options,
      });
      await fixture.runJobs();
      return fixture.get(uploaded.id);
    },
    async runJobs() {
      while ((await t.platform.jobs.tick()) > 0) {
        // until the queue is empty
      }
    },
    async get(id) {
      return expectJson(await t.request(session, { method: 'GET', url: `${base}/${id}` }), 200);
    },
    async makeList(name = 'Liste', inWorkspaceId = workspaceId) {
      const [row] = await db
        .insert(mailingLists)
        .values({ workspaceId: inWorkspaceId, name: { fr: { value: name, status: 'reviewed' } } })
        .returning({ id: mailingLists.id });
      return (row as { id: string }).id;
    },
    async makeSubscriber(values) {
      const [row] = await db
        .insert(subscribers)
        .values({
          workspaceId,
          email: values.email,
          emailNormalized: values.email.trim().toLowerCase(),
          name: values.name ?? '',
          status: values.status ?? 'active',
          tags: values.tags ?? [],
          attributes: values.attributes ?? {},
        })
        .returning({ id: subscribers.id });
      return (row as { id: string }).id;
    },
    async subscribe(listId, subscriberId, status) {
      await db.insert(listSubscriptions).values({ listId, subscriberId, status });
    },
    async subscriberByEmail(email) {
      const [row] = await db
        .select()
        .from(subscribers)
        .where(and(eq(subscribers.workspaceId, workspaceId), eq(subscribers.emailNormalized, email.toLowerCase())));
      return row;
    },
    async subscriptionsOf(subscriberId) {
      return db
        .select({ listId: listSubscriptions.listId, status: listSubscriptions.status })
        .from(listSubscriptions)
        .where(eq(listSubscriptions.subscriberId, subscriberId))
        .orderBy(sql`${listSubscriptions.listId}`);
    },
    async consentsOf(subscriberId) {
      return db.select().from(consentRecords).where(eq(consentRecords.subscriberId, subscriberId));
    },
    close: () => t.close(),
  };
  return fixture;
}

/** A unique address for a test row. */
export function address(prefix = 'person'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.org`;
}
