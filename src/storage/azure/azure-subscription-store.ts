import type { ContainerClient } from '@azure/storage-blob';
import { audienceMatches } from '../../broadcast/audience';
import type { NewsTopic, Subscription } from '../../broadcast/model';
import type { SubscriptionStore } from '../../broadcast/ports';
import { ConflictError } from '../../shared/conflict';
import { listBlobs, mapLimit, readJson, unless, writeJson, type Listed } from './blob-json';
import { SUBSCRIPTIONS, subscriptionBlob } from './blob-names';

type Filter = Pick<Subscription, 'topics' | 'audience'>;
const PUT_ATTEMPTS = 5;
const PARALLEL_READS = 16;

/** Topics and audience ride along as blob metadata, so `matching` downloads only likely matches. */
const filterMetadata = ({ topics, audience }: Filter) => ({
  filter: encodeURIComponent(JSON.stringify({ topics, audience })),
});

function fits(blob: Listed, topic: NewsTopic, audience: Subscription['audience']): boolean {
  if (!blob.metadata.filter) return true; // no metadata: decide after downloading
  const f = JSON.parse(decodeURIComponent(blob.metadata.filter)) as Filter;
  return f.topics.includes(topic) && audienceMatches(f.audience, audience);
}

/** One JSON blob per conversation (`subscriptions/<encoded id>.json`), written under ETag conditions. */
export class AzureSubscriptionStore implements SubscriptionStore {
  constructor(private readonly container: ContainerClient) {}

  async get(conversationId: string): Promise<Subscription | undefined> {
    return (await readJson<Subscription>(this.container.getBlobClient(subscriptionBlob(conversationId))))?.value;
  }

  async put(subscription: Subscription): Promise<void> {
    const name = subscriptionBlob(subscription.conversationId);
    for (let attempt = 0; attempt < PUT_ATTEMPTS; attempt++) {
      const existing = await readJson<Subscription>(this.container.getBlobClient(name));
      const value = { ...subscription, createdAt: existing?.value.createdAt ?? subscription.createdAt };
      const written = await writeJson(this.container, name, value, {
        ...(existing ? { ifMatch: existing.etag } : { create: true }),
        metadata: filterMetadata(value),
      });
      if (written) return;
    }
    throw new ConflictError(`subscription ${subscription.conversationId}`);
  }

  async remove(conversationId: string): Promise<boolean> {
    const response = await unless([404], this.container.deleteBlob(subscriptionBlob(conversationId)));
    return response !== undefined;
  }

  async matching(topic: NewsTopic, audience: Subscription['audience']): Promise<Subscription[]> {
    const candidates = (await listBlobs(this.container, SUBSCRIPTIONS)).filter((b) => fits(b, topic, audience));
    const read = await mapLimit(candidates, PARALLEL_READS, (b) =>
      readJson<Subscription>(this.container.getBlobClient(b.name)),
    );
    return read
      .flatMap((r) => (r ? [r.value] : []))
      .filter((s) => s.topics.includes(topic) && audienceMatches(s.audience, audience));
  }

  async count(): Promise<number> {
    return (await listBlobs(this.container, SUBSCRIPTIONS)).length;
  }
}
