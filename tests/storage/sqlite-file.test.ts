import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStores } from '../../src/storage/create-stores';
import { MIGRATIONS } from '../../src/storage/sqlite/schema';

const config = (dataDir: string, STORAGE: 'sqlite' | 'azure' = 'sqlite') => ({
  STORAGE,
  dataDir,
  AZURE_STORAGE_CONNECTION_STRING: undefined,
  AZURE_STORAGE_CONTAINER: 'c-1',
  AZURE_STORAGE_QUEUE: 'q-1',
});

describe('sqlite file', () => {
  let root: string;
  beforeEach(() => void (root = mkdtempSync(join(tmpdir(), 'sqlite-file-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates the folder and bot.sqlite in WAL mode with the current schema version', async () => {
    const dataDir = join(root, 'nested', 'data');
    const stores = await createStores(config(dataDir));
    await stores.close();
    await stores.close(); // closing twice is harmless
    const file = join(dataDir, 'bot.sqlite');
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('opens an existing file without migrating it again', async () => {
    await (await createStores(config(root))).close();
    const again = await createStores(config(root));
    expect(await again.subscriptions.count()).toBe(0);
    await again.close();
  });

  it('refuses a file written by a newer build', async () => {
    const db = new Database(join(root, 'bot.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    await expect(createStores(config(root))).rejects.toThrow(/schema version 99, newer than this build/);
  });

  it('says what is missing for STORAGE=azure', async () => {
    await expect(createStores(config(root, 'azure'))).rejects.toThrow(/AZURE_STORAGE_CONNECTION_STRING/);
  });
});
