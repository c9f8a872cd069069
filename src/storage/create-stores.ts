import type { Config } from '../config';
import { createAzureStores } from './azure/azure-stores';
import type { Stores } from './stores';
import { createSqliteStores } from './sqlite/sqlite-stores';

export type StorageConfig = Pick<
  Config,
  'STORAGE' | 'dataDir' | 'AZURE_STORAGE_CONNECTION_STRING' | 'AZURE_STORAGE_CONTAINER' | 'AZURE_STORAGE_QUEUE'
>;

/** The stores chosen by STORAGE: one SQLite file for a single instance, Azure Storage for several. */
export async function createStores(config: StorageConfig): Promise<Stores> {
  switch (config.STORAGE) {
    case 'sqlite':
      return createSqliteStores(config.dataDir);
    case 'azure': {
      const connectionString = config.AZURE_STORAGE_CONNECTION_STRING;
      if (!connectionString) throw new Error('STORAGE=azure needs AZURE_STORAGE_CONNECTION_STRING');
      return createAzureStores({
        connectionString,
        container: config.AZURE_STORAGE_CONTAINER,
        queue: config.AZURE_STORAGE_QUEUE,
      });
    }
  }
}
