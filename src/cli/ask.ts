import { createInterface } from 'node:readline';
import { answerAsText } from '../cards/plain-text';
import { loadConfig } from '../config';
import { loadCore } from '../core/bootstrap';
import { isAnswered } from '../search/answer';
import type { AnswerEngine } from '../search/engine';
import { runCli } from './run-cli';

/** The knowledge contract's JSON line for one question. */
export function askAsJson(engine: AnswerEngine, q: string) {
  const answer = engine.ask(q);
  return {
    q,
    answered: isAnswered(answer),
    top: answer.candidates.map((c) => ({
      kind: c.entry.kind,
      id: c.entry.id,
      score: Math.round(c.score * 1000) / 1000,
    })),
  };
}

runCli(async () => {
  const args = process.argv.slice(2);
  const { knowledge, engine } = loadCore(loadConfig());
  if (args.includes('--jsonl')) {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      process.stdout.write(`${JSON.stringify(askAsJson(engine, line))}\n`);
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
  process.stdout.write(`${answerAsText(engine.ask(question), knowledge)}\n`);
  return 0;
});
