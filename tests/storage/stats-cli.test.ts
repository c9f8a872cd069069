import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSqliteStores } from '../../src/storage/sqlite/sqlite-stores';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');

async function stats(dataDir: string, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/stats.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, STORAGE: 'sqlite' },
  });
}

describe('npm run stats', () => {
  it('prints the stored counters per week as CSV and JSON, small numbers as "< 5"', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stats-'));
    const stores = createSqliteStores(dataDir);
    await stores.counts.add([
      { metric: 'question', key: 'answer', day: '2026-12-01', n: 12 },
      { metric: 'feedback', key: 'step:anhoerung|dislike|veraltet', day: '2026-12-02', n: 2 },
      { metric: 'question', key: 'answer', day: '2026-10-01', n: 50 },
    ]);
    await stores.close();
    const csv = await stats(dataDir, '--from', '2026-11-30', '--to', '2026-12-06');
    expect(csv.stdout).toBe(
      'week,metric,key,count\n2026-W49,feedback,step:anhoerung|dislike|veraltet,< 5\n2026-W49,question,answer,12\n',
    );
    const json = await stats(dataDir, '--from', '2026-11-30', '--to', '2026-12-06', '--format', 'json');
    expect(JSON.parse(json.stdout)).toEqual([
      { week: '2026-W49', metric: 'feedback', key: 'step:anhoerung|dislike|veraltet', count: '< 5' },
      { week: '2026-W49', metric: 'question', key: 'answer', count: 12 },
    ]);
  });

  it('refuses a malformed range with the usage line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stats-'));
    await expect(stats(dataDir, '--from', '2026-12-31', '--to', '2026-01-01')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Aufruf: npm run stats/),
    });
  });
});
