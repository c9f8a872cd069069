import type { ContainerClient } from '@azure/storage-blob';
import {
  ALL_TOPICS,
  type ForwardedQuestion,
  type QuestionChannel,
  type QuestionStore,
  type QuestionTopic,
} from '../../forwarding/model';
import { listBlobs, mapLimit, readJson, unless, writeJson } from './blob-json';

const QUESTIONS = 'questions/';
const CHANNELS = 'question-channels/';
/** Blob names never carry a topic's "*": the all-topics channel has its own name. */
const channelBlob = (topic: string) => `${CHANNELS}${topic === ALL_TOPICS ? 'alle' : topic}.json`;

/** Forwarded questions as `questions/<id>.json` (creation time and reply ids in metadata, for expiry and forget). */
export class AzureQuestionStore implements QuestionStore {
  constructor(private readonly container: ContainerClient) {}

  async put(q: ForwardedQuestion): Promise<void> {
    await writeJson(this.container, `${QUESTIONS}${q.id}.json`, q, {
      metadata: {
        createdat: String(q.createdAt),
        ...(q.replyTo
          ? {
              replyuser: encodeURIComponent(q.replyTo.userId),
              replyconversation: encodeURIComponent(q.replyTo.conversationId),
            }
          : {}),
      },
    });
  }

  async get(id: string): Promise<ForwardedQuestion | undefined> {
    return (await readJson<ForwardedQuestion>(this.container.getBlobClient(`${QUESTIONS}${id}.json`)))?.value;
  }

  async newest(limit: number): Promise<ForwardedQuestion[]> {
    const newest = (await listBlobs(this.container, QUESTIONS))
      .sort(
        (a, b) => Number(b.metadata.createdat ?? 0) - Number(a.metadata.createdat ?? 0) || (a.name < b.name ? -1 : 1),
      )
      .slice(0, Math.max(0, Math.floor(limit)));
    const read = await mapLimit(newest, 8, (b) => readJson<ForwardedQuestion>(this.container.getBlobClient(b.name)));
    return read.flatMap((r) => (r ? [r.value] : []));
  }

  async deleteBefore(before: number): Promise<number> {
    return this.deleteWhere((m) => Number(m.createdat ?? 0) < before);
  }

  async forget({ userId, conversationId }: { userId?: string; conversationId?: string }): Promise<number> {
    const user = userId && encodeURIComponent(userId);
    const conversation = conversationId && encodeURIComponent(conversationId);
    return this.deleteWhere(
      (m) => (!!user && m.replyuser === user) || (!!conversation && m.replyconversation === conversation),
    );
  }

  private async deleteWhere(match: (metadata: Record<string, string>) => boolean): Promise<number> {
    const doomed = (await listBlobs(this.container, QUESTIONS)).filter((b) => match(b.metadata));
    const deleted = await mapLimit(doomed, 8, (b) => unless([404], this.container.getBlobClient(b.name).delete()));
    return deleted.filter(Boolean).length;
  }

  async setChannel(channel: QuestionChannel): Promise<void> {
    await writeJson(this.container, channelBlob(channel.topic), channel);
  }

  async channelFor(topic: QuestionTopic): Promise<QuestionChannel | undefined> {
    const own = await readJson<QuestionChannel>(this.container.getBlobClient(channelBlob(topic)));
    return (
      own?.value ?? (await readJson<QuestionChannel>(this.container.getBlobClient(channelBlob(ALL_TOPICS))))?.value
    );
  }
}
