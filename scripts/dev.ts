import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * `npm run dev`: the bot in local mode (src/ via tsx, no BOT_ID) plus the Microsoft 365 Agents Playground,
 * a Teams-like web client, offline and without telemetry. `startStack` is reused by the e2e tests.
 */

const ROOT = resolve(__dirname, '..');
const PLAYGROUND_CLI = join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const TAIL_LINES = 30;

export type Source = 'bot' | 'playground';
export interface ChildExit {
  readonly source: Source;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}
export interface StackOptions {
  /** 0 = ephemeral. */
  readonly botPort: number;
  /** 0 = ephemeral. The Playground silently picks a random port when this one is taken. */
  readonly playgroundPort: number;
  /** Every output line of both processes; default: printed with a `[bot]` / `[playground]` prefix. */
  readonly onLine?: (source: Source, line: string) => void;
  readonly readyTimeoutMs?: number;
  /** Extra environment for the bot, e.g. its own DATA_DIR. */
  readonly botEnv?: Readonly<Record<string, string>>;
}
export interface Stack {
  readonly playgroundUrl: string;
  readonly botUrl: string;
  /** Resolves when either process ends on its own (not through `stop`). */
  readonly exited: Promise<ChildExit>;
  stop(): Promise<void>;
}

const printLine = (source: Source, line: string) => process.stdout.write(`[${source}] ${line}\n`);

/** Starts the bot, waits for GET /healthz, then starts the Playground pointed at it and waits for its page. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const onLine = opts.onLine ?? printLine;
  const deadline = Date.now() + (opts.readyTimeoutMs ?? READY_TIMEOUT_MS);
  const tail: string[] = [];
  const children: Running[] = [];
  let stopping = false;
  let reportExit: (exit: ChildExit) => void = () => {};
  const exited = new Promise<ChildExit>((res) => (reportExit = res));

  const launch = (source: Source, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Running => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const running = new Running(source, child, ready, (line) => {
      tail.push(`[${source}] ${line}`);
      if (tail.length > TAIL_LINES) tail.shift();
      onLine(source, line);
    });
    void running.done.then((exit) => {
      if (!stopping) reportExit(exit);
    });
    children.push(running);
    return running;
  };
  // Last resort if this process dies without stop(): no orphaned bot or Playground.
  const killAllNow = () => children.forEach((c) => c.kill('SIGKILL'));
  process.once('exit', killAllNow);
  const stop = async () => {
    stopping = true;
    process.off('exit', killAllNow);
    for (const child of [...children].reverse()) await child.stop();
  };

  try {
    const bot = launch(
      'bot',
      ['--import', 'tsx', 'src/index.ts'],
      botEnv(opts.botPort, opts.botEnv),
      /"url":"(http:[^"]+)\/api\/messages"/,
    );
    const botUrl = await bot.readyMatch(deadline);
    await waitForHttp(`${botUrl}/healthz`, deadline, bot);
    const playground = launch(
      'playground',
      [PLAYGROUND_CLI, '-c', 'msteams', '-p', String(opts.playgroundPort), '--disable-telemetry'],
      {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        BOT_ENDPOINT: `${botUrl}/api/messages`,
      },
      /Listening on (\d+)/,
    );
    const port = await playground.readyMatch(deadline);
    await waitForHttp(`http://127.0.0.1:${port}/`, deadline, playground);
    return { playgroundUrl: `http://localhost:${port}`, botUrl, exited, stop };
  } catch (err) {
    await stop();
    // The default printer has shown the output already; a custom one may have kept it quiet.
    throw new Error(
      opts.onLine ? `${(err as Error).message}\nLast output:\n${tail.join('\n')}` : (err as Error).message,
    );
  }
}

/** The bot's environment: local mode (no BOT_*), loopback only, at least info logs (its ready line). */
function botEnv(port: number, extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    ...extra,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  delete env.BOT_ID;
  delete env.BOT_PASSWORD;
  delete env.BOT_TENANT_ID;
  if (!['info', 'debug', 'trace'].includes(env.LOG_LEVEL ?? 'info')) env.LOG_LEVEL = 'info';
  return env;
}

/** One child process in its own process group, its output split into lines. */
class Running {
  readonly done: Promise<ChildExit>;
  private exit: ChildExit | undefined;
  private match: string | undefined;
  private readonly waiters: (() => void)[] = [];

  constructor(
    readonly source: Source,
    private readonly child: ChildProcess,
    ready: RegExp,
    onLine: (line: string) => void,
  ) {
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) => {
        const m = this.match === undefined ? ready.exec(line) : null;
        if (m) this.settle(() => (this.match = m[1]));
        onLine(line);
      });
    }
    this.done = new Promise((res) => {
      child.once('exit', (code, signal) => this.settle(() => res((this.exit = { source, code, signal }))));
      child.once('error', (err) => onLine(`spawn failed: ${err.message}`));
    });
  }

  /** The ready line's first group; throws if the process exits first or the deadline passes. */
  async readyMatch(deadline: number): Promise<string> {
    while (this.match === undefined) {
      this.assertAlive();
      const wait = deadline - Date.now();
      if (wait <= 0) throw new Error(`${this.source}: not ready in time`);
      await new Promise<void>((res) => {
        const timer = setTimeout(res, wait);
        this.waiters.push(() => (clearTimeout(timer), res()));
      });
    }
    return this.match;
  }

  assertAlive(): void {
    if (this.exit) throw new Error(`${this.source} exited early (code ${this.exit.code}, signal ${this.exit.signal})`);
  }

  kill(signal: NodeJS.Signals): void {
    if (this.exit || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // the group is already gone
    }
  }

  async stop(): Promise<void> {
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.done;
    clearTimeout(timer);
  }

  private settle(change: () => void): void {
    change();
    this.waiters.splice(0).forEach((wake) => wake());
  }
}

/** Polls `url` until it answers 200; bounded by `deadline`, fails early when `owner` exits. */
async function waitForHttp(url: string, deadline: number, owner: Running): Promise<void> {
  for (;;) {
    owner.assertAlive();
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${owner.source}: ${url} did not answer 200 in time`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`${name} must be a port number (0–65535), got "${raw}"\n`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const playgroundPort = portFromEnv('PLAYGROUND_PORT', 56150);
  const stack = await startStack({ botPort: portFromEnv('PORT', 3978), playgroundPort });
  if (playgroundPort !== 0 && new URL(stack.playgroundUrl).port !== String(playgroundPort)) {
    process.stdout.write(`\n  Port ${playgroundPort} was taken: the Playground picked another one.\n`);
  }
  process.stdout.write(
    `\n  Bot:        ${stack.botUrl}/api/messages (local mode, no auth)\n` +
      `  Playground: ${stack.playgroundUrl}   <- open this in your browser\n` +
      `  Ctrl-C stops both.\n\n`,
  );
  const signal = new Promise<NodeJS.Signals>((res) => {
    process.once('SIGINT', () => res('SIGINT'));
    process.once('SIGTERM', () => res('SIGTERM'));
  });
  const reason = await Promise.race([stack.exited, signal]);
  if (typeof reason !== 'string')
    process.stderr.write(`${reason.source} exited (code ${reason.code}, signal ${reason.signal}), stopping\n`);
  await stack.stop();
  process.exit(typeof reason === 'string' ? 0 : 1);
}

if (typeof require !== 'undefined' && require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`npm run dev failed: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
