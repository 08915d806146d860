/**
 * The worker process (`tawasul worker`): no HTTP, only jobs. This file imports the platform and the
 * module jobs and nothing of the HTTP app (Fastify, routes, the web app's files), so a worker loads
 * only what its jobs need; `bin/tawasul.mjs` runs it from a bundle of these sources (see
 * `bin/worker-bundle.mjs` and docs/newsletter/sending.md, Performance).
 */
import { MODULE_JOBS } from './module-jobs.js';
import { graphSandboxConfigForWorker } from './modules/social/channels/sandbox.js';
import { type Config, loadConfig } from './platform/config.js';
import { createPlatform, type Platform } from './platform/platform.js';

/** A worker process: no HTTP, only jobs. */
export async function startWorker(config: Config, options: { log?: (line: string) => void } = {}): Promise<Platform> {
  const platform = await createPlatform(graphSandboxConfigForWorker(config), { moduleJobs: MODULE_JOBS, auth: false });
  platform.jobs.startWorking();
  (options.log ?? console.log)(`Tawasul worker ${platform.jobs.workerId} is running (${platform.jobs.names.join(', ')})`);
  return platform;
}

/** Stops cleanly on SIGINT/SIGTERM. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

/** `tawasul worker`: starts from the environment's configuration and runs until a signal. */
export async function runWorkerCommand(): Promise<void> {
  try {
    const platform = await startWorker(loadConfig());
    stopOnSignals(() => platform.close());
  } catch (error) {
    // A configuration error's message lists every problem (config.ts); the CLI prints it the same way.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
