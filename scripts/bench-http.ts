import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { activityBody, build, isFailedReply, peakRssMb, questions, ready, startProcess } from './load-support';
import { NODE_FLAGS } from './node-flags';

/**
 * Loads our bot and a bare botbuilder echo bot with the same mixed questions over loopback
 * (expectReplies), each in its own process, in alternating rounds; prints both and their ratio.
 */
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const texts = questions();

type BenchRow = { name: string; rps: number; p50: number; p99: number; errors: number; rssMb: number };

async function load(name: string, port: number, seconds: number) {
  let i = 0;
  let failedReplies = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    connections: CONNECTIONS,
    duration: seconds,
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

/** Both bots stay up; load alternates between them in rounds so drift of the shared cores hits both alike. */
const ROUNDS = 3;

async function measure() {
  const data = mkdtempSync(join(tmpdir(), 'bench-http-'));
  const bots = [
    // 5,000 simulated users send far more than 30 messages a minute each on a fast machine: the limiter still
    // runs on every turn, but its limit is raised so that every request is a real answer (as in the soak).
    {
      name: 'ours',
      port: 39781,
      child: startProcess(['dist/index.js'], 39781, { DATA_DIR: data, RATE_LIMIT_PER_MINUTE: '1000' }, NODE_FLAGS),
    },
    { name: 'echo', port: 39782, child: startProcess(['dist/cli/bench-echo-bot.js', '39782'], 39782) },
  ];
  try {
    for (const bot of bots) {
      await ready(bot.port);
      await load(`${bot.name} (warm-up)`, bot.port, Math.min(DURATION_S, 5));
    }
    const rounds = bots.map(() => [] as Awaited<ReturnType<typeof load>>[]);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, bot] of bots.entries()) rounds[i]!.push(await load(bot.name, bot.port, DURATION_S / ROUNDS));
    }
    return bots.map((bot, i) => ({ ...combine(bot.name, rounds[i]!), rssMb: peakRssMb(bot.child.pid!) }));
  } finally {
    for (const bot of bots) bot.child.kill('SIGTERM');
  }
}

/** Requests/s averaged over the rounds; the worst round's latencies; all errors. */
function combine(name: string, rounds: Awaited<ReturnType<typeof load>>[]) {
  const mean = (f: (r: (typeof rounds)[number]) => number) => rounds.reduce((a, r) => a + f(r), 0) / rounds.length;
  return {
    name,
    rps: mean((r) => r.rps),
    p50: Math.max(...rounds.map((r) => r.p50)),
    p99: Math.max(...rounds.map((r) => r.p99)),
    errors: rounds.reduce((a, r) => a + r.errors, 0),
  };
}

void (async () => {
  // Both run as built JavaScript, the way `npm start` runs the bot.
  build();
  const [ours, echo] = (await measure()) as [BenchRow, BenchRow];
  const row = (r: BenchRow) =>
    `  ${r.name.padEnd(5)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  peak RSS ${r.rssMb.toFixed(0)} MB`;
  const ratio = Math.round((ours.rps / echo.rps) * 100) / 100;
  process.stdout.write(
    [
      `bench:http – ${CONNECTIONS} connections, ${DURATION_S} s each in ${ROUNDS} alternating rounds, mixed questions, expectReplies, loopback (generator on the same cores)`,
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
