import type { ContainerClient } from '@azure/storage-blob';
import type { AcknowledgementStore } from '../../broadcast/ports';
import { listBlobs, writeJson } from './blob-json';

const PREFIX = 'acknowledgements/';
const blobOf = (broadcastId: string, conversationId: string) =>
  `${PREFIX}${broadcastId}/${encodeURIComponent(conversationId)}.json`;

/** One small blob per confirmation, created only if absent (If-None-Match: *), so a second click is a no-op. */
export class AzureAcknowledgementStore implements AcknowledgementStore {
  constructor(private readonly container: ContainerClient) {}

  async add(broadcastId: string, conversationId: string, at: number): Promise<boolean> {
    const written = await writeJson(
      this.container,
      blobOf(broadcastId, conversationId),
      { at },
      {
        create: true,
        metadata: { at: String(at) },
      },
    );
    return written !== undefined;
  }

  async of(broadcastId: string): Promise<Map<string, number>> {
    const prefix = `${PREFIX}${broadcastId}/`;
    const blobs = await listBlobs(this.container, prefix);
    return new Map(
      blobs.map((b) => [decodeURIComponent(b.name.slice(prefix.length, -'.json'.length)), Number(b.metadata.at ?? 0)]),
    );
  }
}
