/** Shapes and helpers shared by the load scenarios. */

/** Outcome of a closed-loop load: each client sends its next request when its last one ends. */
export interface LoadResult {
  latenciesMs: number[];
  elapsedMs: number;
  failures: Array<{ status: number; body: string }>;
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
