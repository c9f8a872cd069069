import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { activityBody, build, questions, ready, rssMb, startProcess } from './load-support';
import { NODE_FLAGS } from './node-flags';

/**
 * Bounded soak: many distinct users and conversations for SOAK_SECONDS (default 120) at a steady rate;
 * samples the bot's RSS and prints whether memory levels off (state lives in SQLite, caches are bounded).
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const RATE = Number(process.env.SOAK_RATE ?? 300);
const PORT = 39783;

void (async () => {
  build();
  const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'soak-')), RATE_LIMIT_PER_MINUTE: '1000' };
  const child = startProcess(['dist/index.js'], PORT, env, NODE_FLAGS);
  try {
    await ready(PORT);
    const texts = questions();
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
          setupRequest: (req) => ({
            ...req,
            body: activityBody(`soak-user-${++i}`, `soak-conv-${i}`, i % 3 ? texts[i % texts.length]! : 'Was tun?'),
          }),
        },
      ],
    });
    clearInterval(timer);
    const half = samples.filter((s) => s.t >= SECONDS / 2);
    const slope = half.length > 1 ? ((half.at(-1)!.rss - half[0]!.rss) / (half.at(-1)!.t - half[0]!.t)) * 60 : 0;
    const r = (x: number) => Math.round(x * 10) / 10;
    const errors = result.errors + result.non2xx + result.timeouts;
    process.stdout.write(
      [
        `soak – ${SECONDS} s at ${RATE} req/s, every request a new user and conversation (${i} in all)`,
        `  RSS (MB) every 5 s: ${samples.map((s) => r(s.rss)).join(' ')}`,
        `  growth in the second half: ${r(slope)} MB/min; errors ${errors}`,
        JSON.stringify({
          seconds: SECONDS,
          requests: result.requests.total,
          conversations: i,
          rss_start_mb: r(samples[0]?.rss ?? 0),
          rss_end_mb: r(samples.at(-1)?.rss ?? 0),
          rss_peak_mb: r(Math.max(...samples.map((s) => s.rss))),
          growth_mb_per_min_second_half: r(slope),
          errors,
        }),
      ].join('\n') + '\n',
    );
  } finally {
    child.kill('SIGTERM');
  }
})();
