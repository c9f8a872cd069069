import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { activityBody, build, isFailedReply, peakRssMb, questions, ready, startProcess } from './load-support';
import { NODE_FLAGS } from './node-flags';

/**
 * Loads our bot and a bare botbuilder echo bot with the same mixed questions over loopback
 * (expectReplies), one after the other, each in its own process; prints both and their ratio.
 */
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const texts = questions();

async function load(name: string, port: number) {
  let i = 0;
  let failedReplies = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          body: activityBody(`user-${++i % 5000}`, `conv-${i % 1000}`, texts[i % texts.length]!),
        }),
        onResponse: (status, body) => {
          if (status === 200 && isFailedReply(body)) failedReplies++;
        },
      },
    ],
  });
  const errors = result.errors + result.timeouts + result.non2xx + failedReplies;
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

async function run(name: string, args: string[], port: number, env?: Record<string, string>, flags?: string[]) {
  const child = startProcess(args, port, env, flags);
  try {
    await ready(port);
    await load(`${name} (warm-up)`, port).catch(() => undefined);
    const r = await load(name, port);
    return { ...r, rssMb: peakRssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
  }
}

void (async () => {
  // Both run as built JavaScript, the way `npm start` runs the bot.
  build();
  const data = mkdtempSync(join(tmpdir(), 'bench-http-'));
  const ours = await run('ours', ['dist/index.js'], 39781, { DATA_DIR: data }, NODE_FLAGS);
  const echo = await run('echo', ['dist/cli/bench-echo-bot.js', '39782'], 39782);
  const row = (r: typeof ours) =>
    `  ${r.name.padEnd(5)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  peak RSS ${r.rssMb.toFixed(0)} MB`;
  const ratio = Math.round((ours.rps / echo.rps) * 100) / 100;
  process.stdout.write(
    [
      `bench:http – ${CONNECTIONS} connections, ${DURATION_S} s each, mixed questions, expectReplies, loopback (generator on the same cores)`,
      `  errors = connection errors + timeouts + non-2xx + replies that are no answer (apology, throttled)`,
      row(ours),
      row(echo),
      `  ratio ours/echo ${ratio}   targets: ratio >= 0.7, p99 <= 50 ms, 0 errors, RSS <= 250 MB`,
      JSON.stringify({
        ours_rps: Math.round(ours.rps),
        echo_rps: Math.round(echo.rps),
        ratio,
        p50_ms: ours.p50,
        p99_ms: ours.p99,
        errors: ours.errors,
        rss_mb: Math.round(ours.rssMb),
      }),
    ].join('\n') + '\n',
  );
})();
