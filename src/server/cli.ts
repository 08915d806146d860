/** The `tawasul` command line. */
import { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ROLES } from '../shared/roles.js';
import { MODULE_JOBS } from './module-jobs.js';
import { createAccount } from './platform/auth/accounts.js';
import { registerBackupCommands } from './platform/backup/backup.cli.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { migrateDatabase, openDatabase } from './platform/db/database.js';
import { createPlatform } from './platform/platform.js';
import { memberships, workspaces } from './platform/platform.tables.js';
import { registerRenderCommand } from './platform/render/render.cli.js';

const program = new Command('tawasul').description('Tawasul — bilingual communications and partnerships hub').showHelpAfterError();

program
  .command('start')
  .description('migrate, then serve the web app, the public site and the API (workers run in-process unless WORKERS=none)')
  .option('--demo', 'seed the demo workspace "AlterMed" on first run')
  .action(async (options: { demo?: boolean }) => {
    const { startServer, stopOnSignals } = await import('./server.js');
    const server = await startServer(loadConfig(options.demo ? { SEED_DEMO: 'true' } : {}));
    stopOnSignals(server.stop);
  });

program
  .command('worker')
  .description('run background jobs only (several worker processes can share one PostgreSQL database)')
  .action(async () => {
    // Without the HTTP app (bin/tawasul.mjs usually runs this command from a bundle of worker.ts).
    const { startWorker, stopOnSignals } = await import('./worker.js');
    const platform = await startWorker(loadConfig());
    stopOnSignals(() => platform.close());
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config.database);
    await migrateDatabase(database);
    await database.close();
    console.log(`Migrations applied (${config.database.driver}).`);
  });

program
  .command('seed-demo')
  .description('create the demo workspace "AlterMed" and one account per role (once)')
  .action(async () => {
    const { seedDemo } = await import('./demo/seed-demo.js');
    const platform = await createPlatform(loadConfig(), { moduleJobs: MODULE_JOBS });
    const seeded = await seedDemo(platform);
    await platform.close();
    console.log(seeded ? 'Demo workspace created.' : 'Demo workspace already present.');
  });

const user = program.command('user').description('manage accounts');
user
  .command('create')
  .description('create an account and add it to a workspace')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--password <password>', 'at least 10 characters')
  .option('--workspace <slug>', 'workspace slug', 'altermed')
  .option('--role <role>', `one of ${ROLES.join(', ')}`, 'admin')
  .option('--locale <locale>', 'fr, ar or en', 'fr')
  .action(async (raw: Record<string, string>) => {
    const options = z
      .object({
        email: z.string().email(),
        name: z.string().min(1),
        password: z.string().min(10),
        workspace: z.string().min(1),
        role: z.enum(ROLES),
        locale: z.enum(['fr', 'ar', 'en']),
      })
      .parse(raw);
    const platform = await createPlatform(loadConfig(), { moduleJobs: MODULE_JOBS });
    try {
      const db = platform.database.db;
      let [workspace] = await db.select().from(workspaces).where(eq(workspaces.slug, options.workspace));
      if (!workspace) {
        [workspace] = await db
          .insert(workspaces)
          .values({ slug: options.workspace, name: { fr: { value: options.workspace, status: 'draft' } } })
          .returning();
      }
      const userId = await createAccount(platform.auth, options);
      await db.insert(memberships).values({ workspaceId: (workspace as { id: string }).id, userId, role: options.role });
      console.log(`Account ${options.email} created as ${options.role} of ${options.workspace}.`);
    } finally {
      await platform.close();
    }
  });

registerBackupCommands(program, { moduleJobs: MODULE_JOBS });
registerRenderCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof z.ZodError)
    console.error(`Invalid arguments:\n${error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
