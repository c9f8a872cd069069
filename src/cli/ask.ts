import { createInterface } from 'node:readline';
import { answerAsText, entryAsText } from '../cards/plain-text';
import { loadConfig } from '../config';
import { loadCore } from '../core/bootstrap';
import { createFreeTextDecider, type FreeTextDecision } from '../decision/free-text';
import { TEXTS } from '../texts';
import { runCli } from './run-cli';

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The knowledge contract's JSON line for one question, with the route the chat takes. */
export function decisionAsJson(q: string, decision: FreeTextDecision) {
  const scores = new Map(decision.answer.candidates.map((c) => [c.ref, c.score]));
  const leadScore = decision.answer.candidates[0]?.score ?? 1;
  return {
    q,
    answered: decision.answered,
    route: decision.route,
    top: decision.refs.slice(0, 5).map((ref) => {
      const [kind, id] = ref.split(':');
      return { kind, id, score: round(scores.get(ref) ?? leadScore) };
    }),
  };
}

runCli(async () => {
  const args = process.argv.slice(2);
  const core = loadCore(loadConfig());
  const decide = createFreeTextDecider(core);
  if (args.includes('--jsonl')) {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      process.stdout.write(`${JSON.stringify(decisionAsJson(line, decide(line)))}\n`);
    }
    return 0;
  }
  const question = args
    .filter((a) => !a.startsWith('--'))
    .join(' ')
    .trim();
  if (!question) {
    process.stderr.write('Aufruf: npm run ask -- "Ihre Frage"   oder   npm run --silent ask -- --jsonl < fragen.txt\n');
    return 2;
  }
  const decision = decide(question);
  const outcome = decision.route === 'guide' && decision.answered && core.knowledge.byRef(decision.refs[0] ?? '');
  const text = outcome
    ? [TEXTS.guideFromCase, '', ...entryAsText(outcome, core.knowledge)].join('\n')
    : decision.route === 'guide'
      ? TEXTS.guideFromCase
      : answerAsText(decision.answer, core.knowledge);
  process.stdout.write(`${text}\n`);
  return 0;
});
