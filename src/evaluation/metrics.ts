import { isOutOfScope, type EvalCase } from './eval-set';

/** What a system said about one question: ranked refs and whether it answered. */
export interface Prediction {
  readonly answered: boolean;
  readonly refs: readonly string[];
  readonly ms: number;
}

export interface Metrics {
  readonly cases: number;
  readonly top1: number;
  readonly top3: number;
  readonly abstain: number;
  readonly false_abstain: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
}

const share = (hits: number, n: number) => (n === 0 ? 1 : hits / n);

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** top-k counts a case right when one of the first k candidates is expected (in-scope cases). */
export function score(cases: readonly EvalCase[], predictions: readonly Prediction[]): Metrics {
  const inScope = cases.flatMap((c, i) => (isOutOfScope(c) ? [] : [{ c, p: predictions[i]! }]));
  const outOfScope = cases.flatMap((c, i) => (isOutOfScope(c) ? [predictions[i]!] : []));
  const atK = (k: number) => inScope.filter(({ c, p }) => p.refs.slice(0, k).some((r) => c.expect.includes(r))).length;
  return {
    cases: cases.length,
    top1: share(atK(1), inScope.length),
    top3: share(atK(3), inScope.length),
    abstain: share(outOfScope.filter((p) => !p.answered).length, outOfScope.length),
    false_abstain: inScope.length === 0 ? 0 : inScope.filter(({ p }) => !p.answered).length / inScope.length,
    p50_ms: percentile(
      predictions.map((p) => p.ms),
      50,
    ),
    p99_ms: percentile(
      predictions.map((p) => p.ms),
      99,
    ),
  };
}
