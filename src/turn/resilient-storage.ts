import type { Storage, StoreItems } from 'botbuilder';
import { isConflict } from '../shared/conflict';
import type { Logger } from '../shared/logger';

const MAX_ATTEMPTS = 3;

/**
 * Each state item belongs to one user in one conversation (or is the conversation's welcome mark), so
 * an eTag conflict means the same user's turns overlapped (a double click): the later turn's write wins
 * instead of failing that turn.
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
          Object.entries(changes).map(([key, ours]) => [key, { ...ours, eTag: current[key]?.eTag ?? '*' }]),
        );
        this.logger.info({ intent: 'state', attempt }, 'state eTag conflict: the later write wins');
      }
    }
  }
}
