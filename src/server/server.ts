/** Starting and stopping the web process and the worker process. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo/seed-demo.js';
import { MODULE_JOBS } from './module-jobs.js';
import { type GraphSandbox, startGraphSandbox } from './modules/social/channels/sandbox.js';
import type { Config } from './platform/config.js';
import { createPlatform, type Platform } from './platform/platform.js';

// The worker process lives in worker.ts, which does not import the HTTP app.
export { startWorker, stopOnSignals } from './worker.js';

export interface RunningServer {
  app: FastifyInstance;
  platform: Platform;
  url: string;
  /** The demo's sandbox Facebook page, when it runs one. */
  graphSandbox?: GraphSandbox;
  stop(): Promise<void>;
}

/** Migrates, seeds the demo on first run when asked, listens, and runs workers in-process unless WORKERS=none. */
export async function startServer(config: Config, options: { log?: (line: string) => void } = {}): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  // The demo without a Meta app publishes to a local sandbox page (docs/social/channels.md).
  const sandbox = await startGraphSandbox(config);
  let platform: Platform | undefined;
  let app: FastifyInstance;
  let seeded: boolean;
  try {
    platform = await createPlatform(sandbox?.config ?? config, { moduleJobs: MODULE_JOBS });
    seeded = config.seedDemo ? await seedDemo(platform) : false;
    app = await buildApp(platform, { logger: config.logLevel !== 'silent' });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await platform?.close();
    await sandbox?.stop();
    throw error;
  }
  if (config.workers === 'app') platform.jobs.startWorking();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log(`Tawasul is running on ${url}/app (public site: ${url}/)  database: ${platform.database.driver}`);
  if (config.seedDemo) {
    log(seeded ? 'Demo workspace "AlterMed" created. Demo accounts:' : 'Demo accounts (workspace "AlterMed"):');
    for (const account of DEMO_ACCOUNTS) log(`  ${account.role.padEnd(12)} ${account.email}  password: ${DEMO_PASSWORD}`);
  }
  if (!config.smtpUrl) log('No SMTP_URL: emails go to the outbox (Admin → Outbox).');
  if (sandbox) log(`Facebook: the demo page is a sandbox on ${sandbox.url}; nothing is sent to Facebook.`);
  return {
    app,
    platform,
    url,
    graphSandbox: sandbox,
    async stop() {
      await app.close();
      await platform.close();
      await sandbox?.stop();
    },
  };
}
