/**
 * The platform services one process needs, built once from the configuration and passed explicitly
 * (no module reads globals). Tests build it with their own database and options.
 */

import path from 'node:path';
import { pickUiLocale } from '../../shared/languages.js';
import type { Auth } from './auth/auth.js';
import type { Config } from './config.js';
import { type Database, migrateDatabase, openDatabase } from './db/database.js';
import { translatorFor } from './i18n.js';
import { type JobDefinition, JobQueue } from './jobs/job-queue.js';
import { Mailer, sendMailJob } from './mail/mailer.js';
import { closeSharedRenderer } from './render/renderer.js';
import { type FileStorage, LocalDiskStorage } from './storage/storage.js';

export interface Platform {
  readonly config: Config;
  readonly database: Database;
  readonly jobs: JobQueue;
  readonly mailer: Mailer;
  readonly storage: FileStorage;
  readonly auth: Auth;
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** An already open database (tests); otherwise opened from the configuration. */
  database?: Database;
  storage?: FileStorage;
  /** Extra job definitions (tests add theirs). */
  jobDefinitions?: JobDefinition[];
  /** Module jobs, built once the platform exists (their handlers use its services): `MODULE_JOBS` in src/server/module-jobs.ts. */
  moduleJobs?: Array<(platform: Platform) => JobDefinition>;
  pollIntervalMs?: number;
  loginAttemptsPerMinute?: number;
  /**
   * False in a process that signs nobody in (`tawasul worker`): better-auth and argon2 are then not
   * loaded (~25 MiB), and `platform.auth` throws.
   */
  auth?: boolean;
}

/** Opens the database, applies migrations, and wires the services. Job workers are started separately. */
export async function createPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const database = options.database ?? (await openDatabase(config.database));
  await migrateDatabase(database);
  const jobs = new JobQueue(database, { pollIntervalMs: options.pollIntervalMs });
  const mailer = new Mailer(database.db, { smtpUrl: config.smtpUrl, from: config.mailFrom }, jobs);
  jobs.register(sendMailJob(mailer), ...(options.jobDefinitions ?? []));
  const storage = options.storage ?? new LocalDiskStorage(path.join(config.dataDir, 'files'));
  const auth = options.auth === false ? undefined : await setUpAuth(config, database, mailer, options);
  const platform: Platform = {
    config,
    database,
    jobs,
    mailer,
    storage,
    get auth(): Auth {
      if (!auth) throw new Error('this process was started without sign-in (a `tawasul worker`)');
      return auth;
    },
    async close() {
      await jobs.stop();
      // The render process is per Node process; the next render after a close starts a new one.
      await closeSharedRenderer();
      mailer.close();
      await database.close();
    },
  };
  jobs.register(...(options.moduleJobs ?? []).map((build) => build(platform)));
  await jobs.start();
  return platform;
}

async function setUpAuth(config: Config, database: Database, mailer: Mailer, options: PlatformOptions): Promise<Auth> {
  const { createAuth } = await import('./auth/auth.js');
  return createAuth({
    db: database.db,
    config,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute,
    sendPasswordReset: async ({ user, url }) => {
      const t = translatorFor(pickUiLocale(user.locale));
      await mailer.send({
        to: user.email,
        subject: t('mail.passwordReset.subject'),
        text: t('mail.passwordReset.body', { name: user.name, url }),
      });
    },
  });
}
