import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import { senderLockFile } from '../../src/storage/sqlite/sqlite-sender-role';
import { realCore } from '../support/bot-harness';

const SQLITE = resolve(__dirname, '../../node_modules/better-sqlite3');

/** Another process that holds the SQLite instance lock until it is killed. */
function otherProcess(file: string) {
  const script = `const D = require(${JSON.stringify(SQLITE)}); const d = new D(${JSON.stringify(file)});
    d.pragma('locking_mode = EXCLUSIVE'); d.exec('BEGIN EXCLUSIVE'); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const locked = new Promise<void>((done) => child.stdout.once('data', () => done()));
  return { child, locked };
}

describe('On SQLite one process is the bot', () => {
  it('refuses to start beside a running one, and starts once that one is killed (-9)', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'single-')), 'data');
    mkdirSync(dataDir, { recursive: true });
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    const other = otherProcess(senderLockFile(dataDir));
    await other.locked;
    await expect(startBot(config, logger, realCore())).rejects.toThrow(/wird schon von einem laufenden Bot benutzt/);
    other.child.kill('SIGKILL');
    await new Promise((done) => other.child.once('exit', done));
    const running = await startBot(config, logger, realCore());
    for (let i = 0; i < 50 && !running.delivery.worker.sending; i++) await new Promise((r) => setTimeout(r, 20));
    expect(running.delivery.worker.sending).toBe(true);
    await running.stop();
  }, 30_000);
});
