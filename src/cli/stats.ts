import { loadConfig } from '../config';
import { berlinDay } from '../statistics/recorder';
import { weeklyFigures } from '../statistics/figures';
import { asCsv, asJson } from '../statistics/report';
import { createStores } from '../storage/create-stores';
import { runCli } from './run-cli';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const USAGE = 'Aufruf: npm run stats -- [--from JJJJ-MM-TT] [--to JJJJ-MM-TT] [--format csv|json]\n';

/** The network's anonymous figures per ISO week (no text, no user ids; small numbers as "< 5"). */
runCli(async () => {
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const to = value('--to') ?? berlinDay(Date.now());
  const from = value('--from') ?? berlinDay(Date.parse(`${to}T12:00:00Z`) - 27 * 86_400_000);
  const format = value('--format') ?? 'csv';
  if (!DAY.test(from) || !DAY.test(to) || from > to || (format !== 'csv' && format !== 'json')) {
    process.stderr.write(USAGE);
    return 2;
  }
  const stores = await createStores(loadConfig());
  try {
    const weeks = await weeklyFigures(stores.counts, { from, to });
    process.stdout.write(format === 'csv' ? asCsv(weeks) : `${JSON.stringify(asJson(weeks), null, 2)}\n`);
    return 0;
  } finally {
    await stores.close();
  }
});
