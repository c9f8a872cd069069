import type { Audience } from './model';

/** Empty lists mean "all"; otherwise the two sides must share at least one value. */
const overlaps = (a: readonly string[], b: readonly string[]) =>
  a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));

/** Does a subscriber's filter fit a broadcast's audience? */
export const audienceMatches = (subscriber: Audience, broadcast: Audience): boolean =>
  overlaps(subscriber.schoolTypes, broadcast.schoolTypes) && overlaps(subscriber.districts, broadcast.districts);
