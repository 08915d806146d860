/** A closed-loop load generator: `concurrency` clients each send their next request when the last one ends. */

export interface LoadResult {
  latenciesMs: number[];
  elapsedMs: number;
  failures: Array<{ status: number; body: string }>;
}

/** Sends `total` requests from `concurrency` clients; `send(i)` returns the HTTP status and, on failure, the body. */
export async function runClosedLoop(
  options: { concurrency: number; total: number },
  send: (index: number) => Promise<{ status: number; body?: string }>,
): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const failures: LoadResult['failures'] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < options.total) {
      const index = next;
      next += 1;
      const begin = performance.now();
      const result = await send(index);
      latenciesMs.push(performance.now() - begin);
      if (result.status !== 200) failures.push({ status: result.status, body: (result.body ?? '').slice(0, 200) });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  return { latenciesMs, elapsedMs: performance.now() - started, failures };
}

/** Durations of `times` sequential calls of `run`, after `warmup` discarded ones. */
export async function timeSerial(run: () => Promise<unknown>, times = 100, warmup = 10): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await run();
  const samples: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const begin = performance.now();
    await run();
    samples.push(performance.now() - begin);
  }
  return samples;
}
