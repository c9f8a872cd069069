import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TEXTS } from '../src/texts';

/** Shared by bench:http and soak: build, start a bot process, wait for it, make activities, read memory. */
export const ROOT = resolve(__dirname, '..');

export const questions = (): string[] =>
  readFileSync(join(ROOT, 'tests/eval/project.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { q: string }).q);

export const build = () =>
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });

/** A bot (or the echo baseline) as its own process, auth off, logs silent. */
export function startProcess(
  args: string[],
  port: number,
  env: Record<string, string> = {},
  flags: string[] = [],
): ChildProcess {
  return spawn(process.execPath, [...flags, ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'silent', BOT_ID: '', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function ready(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answers on port ${port}`);
}

/** One message activity answered in the HTTP response (expectReplies). */
export const activityBody = (user: string, conversation: string, text: string) =>
  JSON.stringify({
    type: 'message',
    channelId: 'msteams',
    deliveryMode: 'expectReplies',
    serviceUrl: 'http://127.0.0.1:1/',
    from: { id: user },
    recipient: { id: 'bot' },
    conversation: { id: conversation, conversationType: 'personal' },
    text,
  });

/** A 200 that is no answer: the turn failed (apology) or the user was throttled. */
export const isFailedReply = (body: string): boolean =>
  !body.includes('"activities":[{') ||
  body.includes(TEXTS.errorApology) ||
  body.includes(TEXTS.rateLimited.slice(0, 40));

const status = (pid: number, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
export const rssMb = (pid: number) => status(pid, 'VmRSS');
export const peakRssMb = (pid: number) => status(pid, 'VmHWM');
