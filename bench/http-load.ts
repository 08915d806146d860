/**
 * HTTP load from a worker thread: the server under test runs on the main thread (PGlite included),
 * so clients must not steal its CPU, or the figures would measure the load generator too.
 */
import { Worker } from 'node:worker_threads';
import type { LoadResult } from './load.js';

// Plain JavaScript evaluated in the worker (no loader there): a closed loop of `concurrency` clients.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { urls, headers, concurrency } = workerData;
const latenciesMs = [];
const failures = [];
let next = 0;
async function client() {
  while (next < urls.length) {
    const url = urls[next];
    next += 1;
    const begin = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.text();
    latenciesMs.push(performance.now() - begin);
    if (response.status !== 200) failures.push({ status: response.status, body: body.slice(0, 200) });
  }
}
const started = performance.now();
Promise.all(Array.from({ length: concurrency }, client)).then(
  () => parentPort.postMessage({ latenciesMs, failures, elapsedMs: performance.now() - started }),
  (error) => parentPort.postMessage({ error: String(error && error.stack || error) }),
);
`;

/** GETs every URL of `urls` once, from `concurrency` clients in a worker thread. */
export function runHttpLoad(options: { urls: string[]; headers: Record<string, string>; concurrency: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: options });
    worker.once('message', (message: LoadResult & { error?: string }) => {
      void worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', reject);
  });
}
