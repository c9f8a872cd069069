import { resolve } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../config';
import { loadCore } from '../core/bootstrap';
import { createBaseline } from '../evaluation/baseline';
import { readEvalSet, type EvalCase } from '../evaluation/eval-set';
import { score, type Metrics, type Prediction } from '../evaluation/metrics';
import { isAnswered } from '../search/answer';
import { runCli } from './run-cli';

const PROJECT_SET = resolve(PROJECT_ROOT, 'tests/eval/project.jsonl');
/** Written without seeing the engine's answers; later used for error analysis too. */
const BLIND_SET = resolve(PROJECT_ROOT, 'tests/eval/blind.jsonl');
const BLIND_2_SET = resolve(PROJECT_ROOT, 'tests/eval/blind-2.jsonl');
const BLIND_3_SET = resolve(PROJECT_ROOT, 'tests/eval/blind-3.jsonl');

function timed(
  fn: (q: string) => { answered: boolean; refs: readonly string[] },
  cases: readonly EvalCase[],
): Prediction[] {
  return cases.map(({ q }) => {
    const start = process.hrtime.bigint();
    const result = fn(q);
    return { ...result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
const row = (name: string, m: Metrics) =>
  `  ${name.padEnd(9)} top-1 ${pct(m.top1)}  top-3 ${pct(m.top3)}  abstain ${pct(m.abstain)}  false-abstain ${pct(m.false_abstain)}  p50 ${m.p50_ms.toFixed(3)} ms  p99 ${m.p99_ms.toFixed(3)} ms`;

runCli(() => {
  const args = process.argv.slice(2);
  const devArg = args.indexOf('--dev');
  const config = loadConfig();
  const devPath = devArg >= 0 && args[devArg + 1] ? resolve(args[devArg + 1]!) : config.evalDevSet;
  const { knowledge, engine } = loadCore(config);
  const baseline = createBaseline(knowledge);
  const ours = (q: string) => {
    const a = engine.ask(q);
    return { answered: isAnswered(a), refs: a.candidates.map((c) => c.ref) };
  };
  // Warm up (JIT, caches) like a running bot: each entry's title once, never the eval questions themselves.
  for (const entry of knowledge.entries) ours(entry.title);

  const sets: [string, string][] = [
    ['project', PROJECT_SET],
    ['blind', BLIND_SET],
    ['blind-2', BLIND_2_SET],
    ['blind-3', BLIND_3_SET],
    ['dev', devPath],
  ];
  let devResult: { ours: Metrics; base: Metrics } | undefined;
  let projectResult: typeof devResult;
  for (const [name, path] of sets) {
    const cases = readEvalSet(path);
    if (!cases) {
      process.stdout.write(`${name}: ${path} nicht gefunden – übersprungen\n`);
      continue;
    }
    const predictions = timed(ours, cases);
    const result = { ours: score(cases, predictions), base: score(cases, timed(baseline, cases)) };
    process.stdout.write(
      `${name} (${cases.length} Fragen, ${path})\n${row('engine', result.ours)}\n${row('baseline', result.base)}\n`,
    );
    if (args.includes('--misses')) {
      cases.forEach((c, i) => {
        const p = predictions[i]!;
        const ok = c.expect.includes('none') ? !p.answered : c.expect.includes(p.refs[0] ?? '') && p.answered;
        if (!ok)
          process.stdout.write(
            `    ✗ ${c.q} → ${p.answered ? '' : '(unsure) '}${p.refs.slice(0, 3).join(', ')} | erwartet ${c.expect.join(', ')}\n`,
          );
      });
    }
    if (name === 'dev') devResult = result;
    else if (name === 'project') projectResult = result;
  }
  const final = devResult ?? projectResult;
  if (final) {
    const r = (x: number) => Math.round(x * 1000) / 1000;
    process.stdout.write(
      `${JSON.stringify({ top1: r(final.ours.top1), top3: r(final.ours.top3), abstain: r(final.ours.abstain), false_abstain: r(final.ours.false_abstain), baseline_top1: r(final.base.top1), p50_ms: r(final.ours.p50_ms), p99_ms: r(final.ours.p99_ms) })}\n`,
    );
  }
  const missed = final ? missedTargets(final.ours) : [];
  if (missed.length) process.stdout.write(`Ziele verfehlt: ${missed.join(', ')}\n`);
  return args.includes('--check') && missed.length ? 1 : 0;
});

/** Quality targets (timing is reported, never asserted). */
function missedTargets(m: Metrics): string[] {
  const checks: [string, boolean][] = [
    ['top1 >= 0.90', m.top1 >= 0.9],
    ['top3 >= 0.97', m.top3 >= 0.97],
    ['abstain >= 0.90', m.abstain >= 0.9],
    ['false_abstain <= 0.05', m.false_abstain <= 0.05],
  ];
  return checks.filter(([, ok]) => !ok).map(([name]) => name);
}
