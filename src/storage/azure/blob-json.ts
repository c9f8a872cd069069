import { text } from 'node:stream/consumers';
import type { BlobClient, ContainerClient, Metadata } from '@azure/storage-blob';

export interface Stored<T> {
  readonly value: T;
  readonly etag: string;
}

/** The HTTP status of an Azure SDK error (RestError), if any. */
export const statusOf = (err: unknown): number | undefined =>
  typeof err === 'object' && err !== null ? (err as { statusCode?: number }).statusCode : undefined;

/** Runs a call whose failure with one of `statuses` is expected; returns undefined then. */
export async function unless<T>(statuses: readonly number[], call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (statuses.includes(statusOf(err) ?? -1)) return undefined;
    throw err;
  }
}

/** Reads a JSON blob with its ETag; undefined if it does not exist. */
export async function readJson<T>(blob: BlobClient): Promise<Stored<T> | undefined> {
  const response = await unless([404], blob.download());
  if (!response?.readableStreamBody || !response.etag) return undefined;
  return { value: JSON.parse(await text(response.readableStreamBody)) as T, etag: response.etag };
}

export interface WriteOptions {
  /** Only if the blob still has this ETag (optimistic concurrency). */
  readonly ifMatch?: string;
  /** Only if the blob does not exist yet. */
  readonly create?: boolean;
  readonly metadata?: Metadata;
}

/** Writes a JSON blob under a condition; returns the new ETag, or undefined when the condition failed. */
export async function writeJson(
  container: ContainerClient,
  name: string,
  value: unknown,
  { ifMatch, create, metadata }: WriteOptions = {},
): Promise<string | undefined> {
  const body = Buffer.from(JSON.stringify(value));
  const conditions = create ? { ifNoneMatch: '*' } : ifMatch ? { ifMatch } : {};
  // 412: If-Match failed; 409: the blob exists (If-None-Match: *).
  const response = await unless(
    [409, 412],
    container.getBlockBlobClient(name).upload(body, body.length, {
      conditions,
      metadata,
      blobHTTPHeaders: { blobContentType: 'application/json' },
    }),
  );
  return response?.etag;
}

export interface Listed {
  readonly name: string;
  readonly metadata: Metadata;
}

/** All blobs under a prefix, with their metadata (one request per 5000 blobs). */
export async function listBlobs(container: ContainerClient, prefix: string): Promise<Listed[]> {
  const found: Listed[] = [];
  for await (const item of container.listBlobsFlat({ prefix, includeMetadata: true })) {
    found.push({ name: item.name, metadata: item.metadata ?? {} });
  }
  return found;
}

/** Runs `work` over `items` with at most `limit` calls in flight; keeps the order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
