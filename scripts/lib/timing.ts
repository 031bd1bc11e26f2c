export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface PairTiming {
  /** Milliseconds per run, one entry per iteration. */
  bare: number[];
  pipeline: number[];
  bareMedian: number;
  pipelineMedian: number;
  /** pipelineMedian / bareMedian. */
  ratio: number;
  /**
   * CPU time of the process (user + system, all threads) per run, ms: unlike wall time it does
   * not count the time other processes held the CPU, so it holds up on a busy machine.
   */
  bareCpu: number[];
  pipelineCpu: number[];
  cpuRatio: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface PairOptions {
  warmup: number;
  /** Iterations are chosen so that both sides together take about this long… */
  budgetMs: number;
  /** …within these bounds. */
  minIterations: number;
  maxIterations: number;
}

export const DEFAULT_PAIR: PairOptions = {
  warmup: 3,
  budgetMs: 4000,
  minIterations: 9,
  maxIterations: 101,
};

/** How many timed iterations fit the budget, given one warm-up round's duration. */
export function iterationsFor(roundMs: number, o: PairOptions): number {
  const n = Math.ceil(o.budgetMs / Math.max(roundMs, 0.01));
  return Math.min(o.maxIterations, Math.max(o.minIterations, n));
}

/**
 * Times two functions on the same input, interleaved (bare, pipeline, bare, …) so that drift in
 * machine load hits both alike; warm-up rounds first; medians and their ratio.
 */
export function timePair(
  bare: () => unknown,
  pipeline: () => unknown,
  o: PairOptions = DEFAULT_PAIR,
): PairTiming {
  let round = 0;
  for (let i = 0; i < o.warmup; i++) {
    const t0 = performance.now();
    bare();
    pipeline();
    round = performance.now() - t0;
  }
  const n = iterationsFor(round, o);
  const b: number[] = [];
  const p: number[] = [];
  const bc: number[] = [];
  const pc: number[] = [];
  for (let i = 0; i < n; i++) {
    const order = i % 2 === 0;
    const c0 = cpuMs();
    const t0 = performance.now();
    if (order) bare();
    else pipeline();
    const t1 = performance.now();
    const c1 = cpuMs();
    if (order) pipeline();
    else bare();
    const t2 = performance.now();
    const c2 = cpuMs();
    (order ? b : p).push(t1 - t0);
    (order ? p : b).push(t2 - t1);
    (order ? bc : pc).push(c1 - c0);
    (order ? pc : bc).push(c2 - c1);
  }
  const bareMedian = median(b);
  const pipelineMedian = median(p);
  return {
    bare: b,
    pipeline: p,
    bareMedian,
    pipelineMedian,
    ratio: pipelineMedian / bareMedian,
    bareCpu: bc,
    pipelineCpu: pc,
    cpuRatio: median(pc) / median(bc),
  };
}
