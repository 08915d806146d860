/**
 * A real `tawasul worker` process (bin/tawasul.mjs worker) for the sending tests that kill workers or
 * run two of them: started with its own environment, ready once it says it is running, stopped with
 * SIGTERM (clean) or SIGKILL (a crash).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../bin/tawasul.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** What it printed on stderr (for failure messages). */
  errors(): string;
}

/** Starts `tawasul worker` with `env` added to this process's environment; resolves once it polls. */
export function startTawasulWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [CLI, 'worker'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running')) resolve({ child, pid: child.pid as number, errors: () => errors });
    });
    child.once('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal}) before it was ready:\n${errors}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A crash: SIGKILL, no cleanup of any kind. */
export async function killWorker(worker: WorkerProcess): Promise<void> {
  const done = exited(worker.child);
  worker.child.kill('SIGKILL');
  await done;
}

/** A clean stop (SIGTERM: running jobs finish), with SIGKILL after 20 s. */
export async function stopWorker(worker: WorkerProcess): Promise<void> {
  const done = exited(worker.child);
  worker.child.kill('SIGTERM');
  const timer = setTimeout(() => worker.child.kill('SIGKILL'), 20_000);
  await done;
  clearTimeout(timer);
}

export function isRunning(worker: WorkerProcess): boolean {
  return worker.child.exitCode === null && worker.child.signalCode === null;
}
