/** Output of the benchmarks: one JSON line per figure on stdout; everything else goes to stderr. */

export type Unit = 'ms' | 'KiB' | 'MB' | 'req/s' | 'rows/s' | 'msg/s' | '%' | 'x';

export interface Figure {
  name: string;
  value: number;
  unit: Unit;
}

/** Prints one figure, rounded to two decimals so lines stay comparable between runs. */
export function printFigure(name: string, value: number, unit: Unit): void {
  const figure: Figure = { name, value: Math.round(value * 100) / 100, unit };
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

/** A progress or diagnostic note, kept off stdout so stdout stays machine-readable. */
export function note(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}

/** The `p`-th percentile (0–100) of samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}
