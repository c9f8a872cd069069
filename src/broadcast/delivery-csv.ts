import { csvCell } from '../statistics/report';
import type { AcknowledgementStore, Outbox } from './ports';

/** One row per recipient conversation and action: state, error code, attempts, time, confirmation. */
export async function deliveryCsv(
  stores: { readonly outbox: Pick<Outbox, 'jobsFor'>; readonly acknowledgements: AcknowledgementStore },
  id: string,
): Promise<string> {
  const jobs = await stores.outbox.jobsFor(id);
  const confirmed = await stores.acknowledgements.of(id);
  const confirmedAt = (conversation: string) => {
    const at = confirmed.get(conversation);
    return at === undefined ? '' : new Date(at).toISOString();
  };
  const rows = jobs.map((j) =>
    [
      j.conversationId,
      j.action,
      j.state,
      j.reason ?? '',
      String(j.attempts),
      new Date(j.updatedAt).toISOString(),
      j.action === 'send' ? confirmedAt(j.conversationId) : '',
    ]
      .map(csvCell)
      .join(','),
  );
  return ['conversation,action,state,reason,attempts,updated_at,acknowledged_at', ...rows].join('\n') + '\n';
}
