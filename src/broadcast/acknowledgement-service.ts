import { NewsAckPayload } from '../cards/actions';
import type { Logger } from '../shared/logger';
import type { Recorder } from '../statistics/recorder';
import { TEXTS } from '../texts';
import type { Reply } from '../turn/reply';
import type { AcknowledgementStore, BroadcastStore } from './ports';

/** "Zur Kenntnis genommen" pressed in a conversation: recorded once per conversation, counted for the statistics. */
export function acknowledgementService(deps: {
  store: AcknowledgementStore;
  broadcasts: Pick<BroadcastStore, 'get'>;
  recorder: Recorder;
  logger: Logger;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  return async (conversationId: string, data: unknown): Promise<Reply> => {
    const pressed = NewsAckPayload.safeParse(data);
    if (!pressed.success) return { text: TEXTS.staleAction };
    const broadcast = await deps.broadcasts.get(pressed.data.id);
    if (!broadcast || broadcast.status === 'recalled' || !broadcast.news.acknowledge)
      return { text: TEXTS.news.unknownBroadcast };
    const fresh = await deps.store.add(broadcast.id, conversationId, now());
    if (fresh) deps.recorder.count('news', 'ack');
    deps.logger.info({ intent: 'news-ack', id: broadcast.id, fresh }, 'news acknowledged');
    return { text: fresh ? TEXTS.news.acknowledged : TEXTS.news.acknowledgedBefore };
  };
}

export type Acknowledge = ReturnType<typeof acknowledgementService>;
