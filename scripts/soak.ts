import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { NODE_FLAGS } from './node-flags';

/**
 * Bounded soak: many distinct users and conversations for SOAK_SECONDS (default 120) at a steady rate;
 * samples the bot's RSS and prints whether memory levels off (state lives in SQLite, caches are bounded).
 */
const ROOT = resolve(__dirname, '..');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const RATE = Number(process.env.SOAK_RATE ?? 300);
const PORT = 39783;
const questions = readFileSync(join(ROOT, 'tests/eval/project.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { q: string }).q);
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

void (async () => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const child = spawn(process.execPath, [...NODE_FLAGS, 'dist/index.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      LOG_LEVEL: 'silent',
      BOT_ID: '',
      NODE_ENV: 'development',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'soak-')),
      RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (
      let i = 0;
      i < 200 &&
      !(await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    const samples: { t: number; rss: number }[] = [];
    const start = Date.now();
    const timer = setInterval(() => samples.push({ t: (Date.now() - start) / 1000, rss: rssMb(child.pid!) }), 5000);
    let i = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${PORT}/api/messages`,
      connections: 10,
      overallRate: RATE,
      duration: SECONDS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req) => {
            i++;
            const body = {
              type: 'message',
              channelId: 'msteams',
              deliveryMode: 'expectReplies',
              serviceUrl: 'http://127.0.0.1:1/',
              from: { id: `soak-user-${i}` },
              recipient: { id: 'bot' },
              conversation: { id: `soak-conv-${i}`, conversationType: 'personal' },
              text: i % 3 ? questions[i % questions.length] : 'Was tun?',
            };
            return { ...req, body: JSON.stringify(body) };
          },
        },
      ],
    });
    clearInterval(timer);
    const half = samples.filter((s) => s.t >= SECONDS / 2);
    const slope = half.length > 1 ? ((half.at(-1)!.rss - half[0]!.rss) / (half.at(-1)!.t - half[0]!.t)) * 60 : 0;
    const r = (x: number) => Math.round(x * 10) / 10;
    process.stdout.write(
      [
        `soak – ${SECONDS} s at ${RATE} req/s, every request a new user and conversation (${i} in all)`,
        `  RSS (MB) every 5 s: ${samples.map((s) => r(s.rss)).join(' ')}`,
        `  growth in the second half: ${r(slope)} MB/min; errors ${result.errors + result.non2xx + result.timeouts}`,
        JSON.stringify({
          seconds: SECONDS,
          requests: result.requests.total,
          conversations: i,
          rss_start_mb: r(samples[0]?.rss ?? 0),
          rss_end_mb: r(samples.at(-1)?.rss ?? 0),
          rss_peak_mb: r(Math.max(...samples.map((s) => s.rss))),
          growth_mb_per_min_second_half: r(slope),
          errors: result.errors + result.non2xx,
        }),
      ].join('\n') + '\n',
    );
  } finally {
    child.kill('SIGTERM');
  }
})();
