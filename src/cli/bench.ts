import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ActivityHandler, MemoryStorage, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { buildApp } from '../app';
import { loadConfig, PROJECT_ROOT } from '../config';
import { loadCore } from '../core/bootstrap';
import { percentile } from '../evaluation/metrics';
import { logger } from '../shared/logger';
import { runCli } from './run-cli';

const DIALOGS = 400;

/** Times every turn; replies are dropped so memory reflects the bot, not the harness. */
function timedAdapter(logic: (context: TurnContext) => Promise<void>) {
  const adapter = new TestAdapter(logic);
  const times: number[] = [];
  return {
    times,
    async turn(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
      const start = process.hrtime.bigint();
      await adapter.receiveActivity(activity);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      return adapter.activeQueue.splice(0);
    },
  };
}

const submitData = (replies: Partial<Activity>[], title: string) => {
  const json = JSON.stringify(replies.map((r) => r.attachments?.[0]?.content));
  const m = json.match(new RegExp(`"title":"${title}","data":(\\{[^}]*\\})`));
  if (!m) throw new Error(`bench: button ${title} missing`);
  return JSON.parse(m[1]!) as Record<string, unknown>;
};

const row = (name: string, t: number[]) =>
  `  ${name.padEnd(22)} n=${String(t.length).padStart(5)}  p50 ${percentile(t, 50).toFixed(3)} ms  p99 ${percentile(t, 99).toFixed(3)} ms`;

runCli(async () => {
  logger.level = 'silent';
  const core = loadCore(loadConfig());
  const bot = buildApp({ ...core, logger }, new MemoryStorage());
  const ours = timedAdapter((c) => bot.handleTurn(c));
  const echoBot = new ActivityHandler().onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    await next();
  });
  const echo = timedAdapter((c) => echoBot.run(c));
  const questions = readFileSync(resolve(PROJECT_ROOT, 'tests/eval/project.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { q: string }).q);

  const dialogTimes: number[] = [];
  const qaTimes: number[] = [];
  for (let i = 0; i < DIALOGS; i++) {
    const from = { id: `user-${i}`, name: 'Lehrkraft' };
    const conversation = { id: `conv-${i % 50}`, name: '', isGroup: true, conversationType: 'groupChat' };
    const say = async (a: Partial<Activity>, sink: number[]) => {
      const replies = await ours.turn({ type: 'message', from, conversation, ...a } as Partial<Activity>);
      if (i >= 20) sink.push(ours.times.at(-1)!); // first 20 dialogs warm up
      return replies;
    };
    let replies = await say({ text: 'Was tun?' }, dialogTimes);
    replies = await say({ value: submitData(replies, 'Unentschuldigtes Fehlen') }, dialogTimes);
    replies = await say({ value: submitData(replies, 'Anhörung ist erfolgt') }, dialogTimes);
    await say({ value: submitData(replies, 'Gymnasium') }, dialogTimes);
    await say({ text: questions[i % questions.length] }, qaTimes);
    for (const text of [
      'Was tun?',
      'unentschuldigt',
      'Anhörung erfolgt',
      'Gymnasium',
      questions[i % questions.length],
    ]) {
      await echo.turn({ type: 'message', from, conversation, text });
    }
  }
  const echoTimes = echo.times.slice(100);
  const memory = process.memoryUsage();
  const r = (x: number) => Math.round(x * 1000) / 1000;
  process.stdout.write(
    [
      `Turns through the whole app in process (TestAdapter, MemoryStorage), ${DIALOGS} dialogs of 4 turns + 1 question:`,
      row('guided dialog turn', dialogTimes),
      row('question turn', qaTimes),
      row('baseline: echo bot', echoTimes),
      `  heap ${(memory.heapUsed / 2 ** 20).toFixed(1)} MB, rss ${(memory.rss / 2 ** 20).toFixed(1)} MB`,
      `  target: dialog turn p99 <= 10 ms`,
      JSON.stringify({
        dialog_p50_ms: r(percentile(dialogTimes, 50)),
        dialog_p99_ms: r(percentile(dialogTimes, 99)),
        question_p50_ms: r(percentile(qaTimes, 50)),
        question_p99_ms: r(percentile(qaTimes, 99)),
        echo_p50_ms: r(percentile(echoTimes, 50)),
        echo_p99_ms: r(percentile(echoTimes, 99)),
        rss_mb: Math.round(memory.rss / 2 ** 20),
      }),
    ].join('\n') + '\n',
  );
});
