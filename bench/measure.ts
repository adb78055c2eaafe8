// Timing helpers for the benchmarks: warm up, take N samples, report nearest-rank percentiles in
// the one-line format every measurement prints, so runs can be compared by grepping `bench:`.

export type Timing = { p50: number; p95: number; samples: number[] };

/** Nearest-rank percentile of already sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1]!;
}

export function timingOf(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), samples };
}

/** Runs `work` `warmup` times unmeasured, then `samples` times one after another. */
export async function measure(work: () => Promise<unknown>, { warmup = 5, samples = 40 }: { warmup?: number; samples?: number } = {}): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const taken: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await work();
    taken.push(performance.now() - started);
  }
  return timingOf(taken);
}

const ms = (value: number) => value.toFixed(1);

/** `bench: <name> db=<kind> n=<rows> p50_ms=<x> p95_ms=<y>[ raw_p50_ms=<x> raw_p95_ms=<y>]` */
export function benchLine(name: string, { db, n, timing, raw }: { db: string; n: number; timing: Timing; raw?: Timing }): string {
  let line = `bench: ${name} db=${db} n=${n} p50_ms=${ms(timing.p50)} p95_ms=${ms(timing.p95)}`;
  if (raw) line += ` raw_p50_ms=${ms(raw.p50)} raw_p95_ms=${ms(raw.p95)}`;
  return line;
}
