/** Bulk data for the benchmarks: one workspace, a viewer account, and N bilingual organisations. */

import { organisations } from '../src/server/modules/directory/directory.tables.js';
import { derivedKeys } from '../src/server/modules/directory/organisations.service.js';
import { createAccount } from '../src/server/platform/auth/accounts.js';
import type { Platform } from '../src/server/platform/platform.js';
import { memberships, workspaces } from '../src/server/platform/platform.tables.js';
import { localized } from '../src/shared/localized-text.js';

export const BENCH_PASSWORD = 'bench-password-2026';

const AR_KINDS = ['جمعية', 'تعاونية', 'مؤسسة', 'اتحاد', 'شبكة'];
const AR_TOPICS = ['النساء', 'الشباب', 'التنمية المحلية', 'الاقتصاد التضامني', 'البيئة', 'الثقافة', 'الفلاحة', 'الحرفيين'];
const AR_CITIES = ['الرباط', 'الدار البيضاء', 'تونس', 'صفاقس', 'الجزائر', 'وهران', 'مرسيليا', 'باريس'];
const FR_KINDS = ['Association', 'Coopérative', 'Fondation', 'Union', 'Réseau'];
const FR_TOPICS = [
  'des femmes',
  'des jeunes',
  'du développement local',
  'de l’économie solidaire',
  'pour l’environnement',
  'culturelle',
  'agricole',
  'des artisans',
];
const FR_CITIES = ['Rabat', 'Casablanca', 'Tunis', 'Sfax', 'Alger', 'Oran', 'Marseille', 'Paris'];
const COUNTRIES = ['MA', 'MA', 'TN', 'TN', 'DZ', 'DZ', 'FR', 'FR'];
const TYPES = ['association', 'cooperative', 'foundation', 'union', 'association'];

const pick = <T>(list: T[], index: number): T => list[index % list.length] as T;

/** One generated organisation; the index varies every part so names and sort keys spread out. */
function organisationValues(workspaceId: string, index: number) {
  const place = Math.floor(index / 7) % 8;
  const name = localized({
    ar: `${pick(AR_KINDS, index)} ${pick(AR_TOPICS, index * 3)} ب${pick(AR_CITIES, place)} ${index}`,
    fr: `${pick(FR_KINDS, index)} ${pick(FR_TOPICS, index * 3)} de ${pick(FR_CITIES, place)} ${index}`,
  });
  const city = localized({ ar: pick(AR_CITIES, place), fr: pick(FR_CITIES, place) });
  return {
    workspaceId,
    name,
    city,
    country: pick(COUNTRIES, place),
    type: pick(TYPES, index),
    website: index % 4 === 0 ? `https://org-${index}.example.org` : null,
    ...derivedKeys(name, city, ['ar', 'fr']),
  };
}

/** Creates the workspace, a viewer, and `count` organisations in batches; then VACUUM ANALYZE (PGlite has no autovacuum). */
export async function seedBenchWorkspace(platform: Platform, count: number, batchSize = 500) {
  const db = platform.database.db;
  // A fresh suffix, so a scratch PostgreSQL database can take several runs.
  const run = Date.now().toString(36);
  const [workspace] = await db
    .insert(workspaces)
    .values({ slug: `bench-${run}`, name: localized({ ar: 'تحالف القياس', fr: 'Consortium de mesure' }), contentLanguages: ['ar', 'fr'] })
    .returning();
  if (!workspace) throw new Error('workspace not created');
  const email = `viewer-${run}@bench.test`;
  const userId = await createAccount(platform.auth, { email, name: 'Bench Viewer', password: BENCH_PASSWORD });
  await db.insert(memberships).values({ workspaceId: workspace.id, userId, role: 'viewer' });
  for (let start = 0; start < count; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, count - start) }, (_, offset) =>
      organisationValues(workspace.id, start + offset),
    );
    await db.insert(organisations).values(batch);
  }
  await platform.database.executeSql('VACUUM ANALYZE');
  return { workspaceId: workspace.id, email, password: BENCH_PASSWORD };
}
