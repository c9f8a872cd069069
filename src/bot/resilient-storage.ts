import type { Storage, StoreItems } from 'botbuilder';
import type { Logger } from '../shared/logger';

const MAX_ATTEMPTS = 3;

export const isConflict = (err: unknown): boolean =>
  /etag conflict|precondition|412/i.test(String((err as { message?: string })?.message ?? err)) ||
  (err as { statusCode?: number })?.statusCode === 412;

type Slots = Record<string, { updatedAt?: number }>;

/** Merges what we meant to write into what is stored now: per-user slots by recency, the rest ours. */
export function mergeState(
  stored: Record<string, unknown> | undefined,
  ours: Record<string, unknown>,
): Record<string, unknown> {
  if (!stored) return { ...ours, eTag: '*' };
  const a = (stored.users ?? {}) as Slots;
  const b = (ours.users ?? {}) as Slots;
  const users: Slots = { ...a };
  for (const [id, slot] of Object.entries(b)) if ((slot.updatedAt ?? 0) >= (a[id]?.updatedAt ?? 0)) users[id] = slot;
  return { ...stored, ...ours, ...(stored.users || ours.users ? { users } : {}), eTag: stored.eTag };
}

/**
 * State writes of two overlapping turns (two teachers in one chat) can collide on the eTag.
 * This wrapper resolves the conflict by re-reading and merging, so it never reaches the user.
 */
export class ResilientStorage implements Storage {
  constructor(
    private readonly inner: Storage,
    private readonly logger: Logger,
  ) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    let pending = changes;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.inner.write(pending);
      } catch (err) {
        if (!isConflict(err) || attempt >= MAX_ATTEMPTS) throw err;
        const current = await this.inner.read(Object.keys(changes));
        pending = Object.fromEntries(
          Object.entries(changes).map(([key, ours]) => [key, mergeState(current[key], ours)]),
        );
        this.logger.info({ intent: 'state', attempt }, 'state eTag conflict resolved by merge');
      }
    }
  }
}
