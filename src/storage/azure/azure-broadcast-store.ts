import type { ContainerClient } from '@azure/storage-blob';
import type { Broadcast } from '../../broadcast/model';
import type { BroadcastStore } from '../../broadcast/ports';
import { ConflictError } from '../../shared/conflict';
import { listBlobs, mapLimit, readJson, writeJson } from './blob-json';
import { BROADCASTS, broadcastBlob } from './blob-names';

/** Author, creation time, status and start as metadata, so `byAuthor` and `due` list instead of downloading. */
const metadata = (b: Broadcast) => ({
  author: encodeURIComponent(b.authorId),
  created: String(b.createdAt),
  status: b.status,
  ...(b.sendAt !== undefined ? { sendat: String(b.sendAt) } : {}),
});

/** One JSON blob per broadcast (`broadcasts/<id>.json`); updates compare the version, then write If-Match. */
export class AzureBroadcastStore implements BroadcastStore {
  constructor(private readonly container: ContainerClient) {}

  async create(b: Broadcast): Promise<void> {
    const written = await writeJson(this.container, broadcastBlob(b.id), b, { create: true, metadata: metadata(b) });
    if (!written) throw new ConflictError(`broadcast ${b.id} (already exists)`);
  }

  async get(id: string): Promise<Broadcast | undefined> {
    return (await readJson<Broadcast>(this.container.getBlobClient(broadcastBlob(id))))?.value;
  }

  async update(b: Broadcast, expected: Pick<Broadcast, 'version' | 'revision'>): Promise<void> {
    const name = broadcastBlob(b.id);
    const current = await readJson<Broadcast>(this.container.getBlobClient(name));
    if (!current) throw new Error(`broadcast ${b.id} does not exist`);
    const revision = expected.revision ?? 0;
    const conflict = new ConflictError(
      `broadcast ${b.id} (expected version ${expected.version}, revision ${revision})`,
    );
    if (current.value.version !== expected.version || (current.value.revision ?? 0) !== revision) throw conflict;
    const next = { ...b, revision: revision + 1 };
    const written = await writeJson(this.container, name, next, { ifMatch: current.etag, metadata: metadata(next) });
    if (!written) throw conflict;
  }

  byAuthor(authorId: string, limit: number): Promise<Broadcast[]> {
    const author = encodeURIComponent(authorId);
    return this.newestWhere((metadata) => metadata.author === author, limit);
  }

  newest(limit: number): Promise<Broadcast[]> {
    return this.newestWhere(() => true, limit);
  }

  async due(now: number): Promise<Broadcast[]> {
    const listed = await this.newestWhere((m) => m.status === 'scheduled' && Number(m.sendat) <= now, Infinity);
    // The listing may be older than the blob: decide on the content.
    return listed.filter((b) => b.status === 'scheduled' && (b.sendAt ?? 0) <= now);
  }

  private async newestWhere(match: (metadata: Record<string, string>) => boolean, limit: number) {
    const newest = (await listBlobs(this.container, BROADCASTS))
      .filter((blob) => match(blob.metadata))
      .sort((a, b) => Number(b.metadata.created) - Number(a.metadata.created) || (a.name < b.name ? -1 : 1))
      .slice(0, Math.max(0, Math.floor(limit)));
    const read = await mapLimit(newest, 8, (blob) => readJson<Broadcast>(this.container.getBlobClient(blob.name)));
    return read.flatMap((r) => (r ? [r.value] : []));
  }
}
