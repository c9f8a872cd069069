import type { ContainerClient } from '@azure/storage-blob';
import type { Broadcast, Subscription } from '../../broadcast/model';
import { scrubbedBroadcast, scrubbedSubscription } from '../reference-scrub';
import { listBlobs, mapLimit, readJson, writeJson } from './blob-json';
import { BROADCASTS, SUBSCRIPTIONS } from './blob-names';

const PARALLEL = 16;

/** Rewrites blobs that still hold full references (If-Match: a blob written meanwhile is left to its writer). */
export function azureScrubReferences(container: ContainerClient): () => Promise<number> {
  const scrub = async <T>(prefix: string, clean: (value: T) => T | undefined) => {
    const blobs = await listBlobs(container, prefix);
    const done = await mapLimit(blobs, PARALLEL, async (blob) => {
      const stored = await readJson<T>(container.getBlobClient(blob.name));
      const value = stored && clean(stored.value);
      if (!stored || !value) return 0;
      return (await writeJson(container, blob.name, value, { ifMatch: stored.etag, metadata: blob.metadata })) ? 1 : 0;
    });
    return done.reduce<number>((a, b) => a + b, 0);
  };
  return async () =>
    (await scrub<Subscription>(SUBSCRIPTIONS, scrubbedSubscription)) +
    (await scrub<Broadcast>(BROADCASTS, scrubbedBroadcast));
}
