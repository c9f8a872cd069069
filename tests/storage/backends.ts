import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createStores } from '../../src/storage/create-stores';
import type { Stores } from '../../src/storage/stores';
import { startAzurite, type Azurite } from '../support/azurite';

/** Opens one more bot instance on the same storage location. */
export type Open = () => Promise<Stores>;

export interface Backend {
  readonly name: 'sqlite' | 'azure';
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A new, empty storage location (folder, or container + queue). */
  location(): Open;
}

const unique = () => randomBytes(6).toString('hex');

function sqlite(): Backend {
  let root = '';
  return {
    name: 'sqlite',
    start: async () => void (root = mkdtempSync(join(tmpdir(), 'stores-'))),
    stop: async () => rmSync(root, { recursive: true, force: true }),
    location() {
      const dataDir = join(root, unique(), 'data');
      return () => createStores({ ...AZURE_UNUSED, STORAGE: 'sqlite', dataDir });
    },
  };
}

const AZURE_UNUSED = {
  AZURE_STORAGE_CONNECTION_STRING: undefined,
  AZURE_STORAGE_CONTAINER: 'unused',
  AZURE_STORAGE_QUEUE: 'unused',
};

/** One Azurite per test file, shared by its describe blocks; started lazily, stopped after the file. */
let azurite: Promise<Azurite> | undefined;

async function stopAzurite(): Promise<void> {
  const running = azurite;
  azurite = undefined;
  await (await running?.catch(() => undefined))?.stop();
}

function azure(): Backend {
  let connectionString = '';
  return {
    name: 'azure',
    start: async () => void (connectionString = (await (azurite ??= startAzurite())).connectionString),
    stop: async () => undefined,
    location() {
      const name = `t-${unique()}`;
      return () =>
        createStores({
          STORAGE: 'azure',
          dataDir: '/nonexistent',
          AZURE_STORAGE_CONNECTION_STRING: connectionString,
          AZURE_STORAGE_CONTAINER: name,
          AZURE_STORAGE_QUEUE: name,
        });
    },
  };
}

/** Both implementations, for `describe.each` at the top of a test file (stops Azurite after the file). */
export function backends(): Backend[] {
  afterAll(stopAzurite, 10_000);
  return [sqlite(), azure()];
}

/**
 * Starts the backend around a describe block and hands each test a fresh location;
 * every instance opened through it is closed after the test.
 */
export function useBackend(backend: Backend): { fresh(): Open } {
  const opened: Stores[] = [];
  beforeAll(() => backend.start(), 20_000);
  afterAll(() => backend.stop(), 10_000);
  afterEach(async () => void (await Promise.all(opened.splice(0).map((s) => s.close()))));
  return {
    fresh() {
      const open = backend.location();
      return async () => {
        const stores = await open();
        opened.push(stores);
        return stores;
      };
    },
  };
}
