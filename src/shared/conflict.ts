/** Thrown by any store when an optimistic-concurrency check (eTag/version) fails: the one conflict type. */
export class ConflictError extends Error {
  constructor(what: string) {
    super(`conflict: ${what} was changed by someone else (eTag conflict)`);
    this.name = 'ConflictError';
  }
}

/** Ours, or Azure's (HTTP 412 Precondition Failed) and botbuilder's storages' (message names the eTag). */
export const isConflict = (err: unknown): boolean =>
  err instanceof ConflictError ||
  (err as { statusCode?: number })?.statusCode === 412 ||
  /etag conflict|precondition/i.test(String((err as { message?: string })?.message ?? err));
