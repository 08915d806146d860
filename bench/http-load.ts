/**
 * HTTP load from a worker thread: the server under test runs on the main thread (PGlite included),
 * so clients must not steal its CPU, or the figures would measure the load generator too.
 */
import { Worker } from 'node:worker_threads';
import type { LoadResult } from './load.js';

// Plain JavaScript evaluated in the worker (no loader there): a closed loop of `concurrency` clients.
// node:http with a keep-alive agent rather than fetch: undici's fetch costs several times more CPU per
// request, and that CPU is taken from the server under test on a small machine.
const WORKER_SOURCE = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { urls, headers, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latenciesMs = [];
const failures = [];
let next = 0;
function get(url) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}
async function client() {
  while (next < urls.length) {
    const url = urls[next];
    next += 1;
    const begin = performance.now();
    const response = await get(url);
    latenciesMs.push(performance.now() - begin);
    if (response.status !== 200) failures.push({ status: response.status, body: response.body.slice(0, 200) });
  }
}
const started = performance.now();
Promise.all(Array.from({ length: concurrency }, client)).then(
  () => { agent.destroy(); parentPort.postMessage({ latenciesMs, failures, elapsedMs: performance.now() - started }); },
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
