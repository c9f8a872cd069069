import { ContainerClient } from '@azure/storage-blob';
import { QueueClient } from '@azure/storage-queue';
import { BlobsStorage } from 'botbuilder-azure-blobs';
// Deep import: the blob name BlobsStorage uses for a key (URI-encoded, shortened).
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import type { Stores } from '../stores';
import { AzureAcknowledgementStore } from './azure-acknowledgements';
import { AzureKnowledgeVersionStore } from './azure-knowledge-versions';
import { AzureBroadcastStore } from './azure-broadcast-store';
import { AzureCountStore } from './azure-counts';
import { AzureQuestionStore } from './azure-questions';
import { azureExpireUserSlots, azureForget } from './azure-forget';
import { AzureOutbox } from './azure-outbox';
import { azureSenderRole } from './azure-sender-role';
import { logger } from '../../shared/logger';
import { azureScrubReferences } from './azure-scrub';
import { AzureSubscriptionStore } from './azure-subscription-store';
import { writeJson } from './blob-json';

export interface AzureSettings {
  readonly connectionString: string;
  /** Holds bot state (top level) and `subscriptions/`, `broadcasts/`, `deliveries/`. */
  readonly container: string;
  /** Carries one message per pending delivery job. */
  readonly queue: string;
}

/** All stores on one Azure Storage account; any number of bot instances may share it. Creates what is missing. */
export async function createAzureStores({ connectionString, container, queue }: AzureSettings): Promise<Stores> {
  const containerClient = new ContainerClient(connectionString, container);
  const queueClient = new QueueClient(connectionString, queue);
  try {
    await Promise.all([containerClient.createIfNotExists(), queueClient.createIfNotExists()]);
  } catch (err) {
    throw new Error(
      `Azure Storage: cannot create or open container "${container}" / queue "${queue}": ${(err as Error).message}`,
    );
  }
  const questions = new AzureQuestionStore(containerClient);
  const forget = azureForget(containerClient);
  const role = azureSenderRole(containerClient, logger);
  return {
    state: new BlobsStorage(connectionString, container),
    counts: new AzureCountStore(containerClient),
    questions,
    subscriptions: new AzureSubscriptionStore(containerClient),
    broadcasts: new AzureBroadcastStore(containerClient),
    outbox: new AzureOutbox(containerClient, queueClient),
    acknowledgements: new AzureAcknowledgementStore(containerClient),
    knowledge: new AzureKnowledgeVersionStore(containerClient),
    forget: async (target) => (await forget(target)) + (await questions.forget(target)),
    expireUserSlots: azureExpireUserSlots(containerClient),
    scrubReferences: azureScrubReferences(containerClient),
    createStateIfAbsent: async (key, value) =>
      (await writeJson(containerClient, sanitizeBlobKey(key), value, { create: true })) !== undefined,
    senderRole: () => role,
    close: () => role.release(),
  };
}
