import { proactiveReference } from '../broadcast/conversation-key';
import type { Broadcast, Subscription } from '../broadcast/model';

/** The record with its stored references reduced to the proactive minimum; undefined when nothing changes. */
export function scrubbedSubscription(s: Subscription): Subscription | undefined {
  const reference = proactiveReference(s.reference);
  return JSON.stringify(reference) === JSON.stringify(s.reference) ? undefined : { ...s, reference };
}

export function scrubbedBroadcast(b: Broadcast): Broadcast | undefined {
  if (!b.confirmation) return undefined;
  const reference = proactiveReference(b.confirmation.reference);
  if (JSON.stringify(reference) === JSON.stringify(b.confirmation.reference)) return undefined;
  return { ...b, confirmation: { ...b.confirmation, reference } };
}
