import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSqliteStores } from '../../src/storage/sqlite/sqlite-stores';
import { broadcast, job } from '../broadcast/helpers';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

const report = (dataDir: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, STORAGE: 'sqlite' },
  });

describe('npm run report -- --broadcast ID', () => {
  it('prints one CSV row per recipient: state, error code, attempts, time, confirmation', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'report-'));
    const stores = createSqliteStores(dataDir);
    await stores.broadcasts.create(broadcast(ID));
    await stores.outbox.enqueue([job(ID, 'a:one'), job(ID, 'a:two')]);
    const [first, second] = await stores.outbox.claim(Date.now() + 1, 10, 60_000, 'test');
    await stores.outbox.finish({ ...first!, state: 'sent', attempts: 1, updatedAt: Date.UTC(2026, 11, 4, 9) }, 'test');
    const failed = { ...second!, state: 'failed', attempts: 8, reason: '403 ConversationBlockedByUser' } as const;
    await stores.outbox.finish({ ...failed, updatedAt: Date.UTC(2026, 11, 4, 9, 1) }, 'test');
    await stores.acknowledgements.add(ID, first!.conversationId, Date.UTC(2026, 11, 4, 10));
    await stores.close();
    const { stdout } = await report(dataDir, '--broadcast', ID);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('conversation,action,state,reason,attempts,updated_at,acknowledged_at');
    expect(lines.slice(1).sort()).toEqual(
      [
        `${first!.conversationId},send,sent,,1,2026-12-04T09:00:00.000Z,2026-12-04T10:00:00.000Z`,
        `${second!.conversationId},send,failed,403 ConversationBlockedByUser,8,2026-12-04T09:01:00.000Z,`,
      ].sort(),
    );
  });

  it('names the usage for a missing id and refuses an unknown one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'report-'));
    await expect(report(dataDir)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Aufruf') });
    await expect(report(dataDir, '--broadcast', ID)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Keine Neuigkeit'),
    });
  });
});
