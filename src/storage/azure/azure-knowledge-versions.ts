import type { ContainerClient } from '@azure/storage-blob';
import type {
  KnowledgeDraft,
  KnowledgeVersion,
  KnowledgeVersionStore,
  TaggedDraft,
  VersionInfo,
} from '../../core/knowledge-versions';
import { listBlobs, readJson, unless, writeJson } from './blob-json';

const PREFIX = 'knowledge/versions/';
const DRAFT = 'knowledge/draft.json';
/** Zero-padded, so the listing is in version order. */
const blobOf = (version: number) => `${PREFIX}${String(version).padStart(8, '0')}.json`;

/**
 * One blob per version, created only if absent (If-None-Match: *): two instances publishing at once cannot
 * both take a number. Author, time and summary ride in the metadata, so the list is one listing.
 * The draft is one blob; its ETag is the tag.
 */
export class AzureKnowledgeVersionStore implements KnowledgeVersionStore {
  constructor(private readonly container: ContainerClient) {}

  async versions(): Promise<VersionInfo[]> {
    const blobs = await listBlobs(this.container, PREFIX);
    return blobs.map((b) => ({
      version: Number(b.name.slice(PREFIX.length, -'.json'.length)),
      author: b.metadata.author ?? '',
      at: Number(b.metadata.at ?? 0),
      summary: decodeURIComponent(b.metadata.summary ?? ''),
      ...(b.metadata.approvedby ? { approvedBy: b.metadata.approvedby } : {}),
    }));
  }

  async latest(): Promise<number | undefined> {
    return (await this.versions()).at(-1)?.version;
  }

  async get(version: number): Promise<KnowledgeVersion | undefined> {
    return (await readJson<KnowledgeVersion>(this.container.getBlobClient(blobOf(version))))?.value;
  }

  async add(v: KnowledgeVersion): Promise<boolean> {
    const written = await writeJson(this.container, blobOf(v.version), v, {
      create: true,
      metadata: {
        author: v.author,
        at: String(v.at),
        // Metadata is ASCII only.
        summary: encodeURIComponent(v.summary.slice(0, 500)),
        ...(v.approvedBy ? { approvedby: v.approvedBy } : {}),
      },
    });
    return written !== undefined;
  }

  async draft(): Promise<TaggedDraft | undefined> {
    const stored = await readJson<KnowledgeDraft>(this.container.getBlobClient(DRAFT));
    return stored && { draft: stored.value, tag: stored.etag };
  }

  async saveDraft(draft: KnowledgeDraft | undefined, tag: string | undefined): Promise<boolean> {
    if (draft === undefined) {
      if (tag === undefined) return true;
      const deleted = await unless(
        [404, 412],
        this.container.getBlobClient(DRAFT).delete({ conditions: { ifMatch: tag } }),
      );
      return deleted !== undefined;
    }
    const written = await writeJson(
      this.container,
      DRAFT,
      draft,
      tag === undefined ? { create: true } : { ifMatch: tag },
    );
    return written !== undefined;
  }
}
