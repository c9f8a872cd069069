import { randomUUID } from 'node:crypto';
import type { CoordinatorPolicy } from '../roles/coordinators';
import type { AdaptiveCard } from '../cards/adaptive';
import type { ForwardPayload, ForwardedPayload } from '../cards/actions';
import type { Knowledge } from '../knowledge/knowledge';
import type { AnswerEngine } from '../search/engine';
import type { Logger } from '../shared/logger';
import type { Recorder } from '../statistics/recorder';
import { TEXTS } from '../texts';
import type { Reply } from '../turn/reply';
import { coordinationCard, forwardForm, previewCard, suggestionCard } from './forwarding-cards';
import { ALL_TOPICS, QUESTION_TOPICS, type ForwardedQuestion, type QuestionStore, type QuestionTopic } from './model';

const T = TEXTS.forwarding;
/** Law and rules among the topic entries; the other topics (forms of absence …) are about the procedure. */
const LAW_TOPICS = new Set([
  'schulpflicht',
  'entschuldigung-attest',
  'bussgeld',
  'bussgeld-nichtzahlung',
  'zwangsgeld',
]);
const CONTACT_FALLBACK = 'agency:fachstelle-schulabsentismus';

/** Sends into a conversation the bot is installed in (proactive); the edge implements it with the adapter. */
export interface Messenger {
  post(reference: Record<string, unknown>, card: AdaptiveCard, summary: string): Promise<string | undefined>;
  update(reference: Record<string, unknown>, activityId: string, card: AdaptiveCard): Promise<void>;
  notify(reference: Record<string, unknown>, text: string): Promise<void>;
}

export interface ForwardingDeps {
  readonly store: QuestionStore;
  readonly policy: CoordinatorPolicy;
  readonly knowledge: Knowledge;
  readonly engine: Pick<AnswerEngine, 'ask'>;
  readonly messenger: Messenger;
  readonly schoolTypes: readonly { value: string; title: string }[];
  readonly logger: Logger;
  readonly recorder: Recorder;
  readonly now?: () => number;
}

/** The teacher: name, ids and the reference of their chat with the bot (kept only with "Antwort an mich"). */
export interface Teacher {
  readonly name: string;
  readonly userId: string;
  readonly conversationId: string;
  readonly reference: Record<string, unknown>;
}

/** Where the coordinator pressed: the channel and the card's message id. */
export interface Place {
  readonly coordinator?: string;
  readonly conversationId: string;
  readonly conversationType: string;
  readonly reference: Record<string, unknown>;
  readonly activityId?: string;
}

export function forwardingService(deps: ForwardingDeps) {
  const { store, policy, knowledge, engine, messenger, schoolTypes, logger, recorder } = deps;
  const now = deps.now ?? Date.now;
  const schoolType = (value?: string) => schoolTypes.find((s) => s.value === value);
  const text = (t: string): Reply => ({ text: t });
  const cardReply = (card: AdaptiveCard, summary: string = T.title): Reply => ({ card, summary });

  /** The topic the bot guesses from the entry its engine finds for the question. */
  const topicOf = (question: string): QuestionTopic => {
    const entry = engine.ask(question).candidates[0]?.entry;
    if (!entry) return 'allgemein';
    if (entry.kind === 'step' || entry.kind === 'form') return 'verfahren';
    if (entry.kind === 'topic') return LAW_TOPICS.has(entry.id) ? 'recht' : 'verfahren';
    return entry.kind === 'agency' ? 'stellen' : 'angebote';
  };

  const contactInstead = () => {
    const agency = knowledge.byRef(CONTACT_FALLBACK);
    const contact = agency?.kind === 'agency' ? agency.contact : undefined;
    const how = [contact?.phone, contact?.email, contact?.web].filter(Boolean).join(', ');
    return `${agency?.title ?? 'Fachstelle Schulabsentismus'}${how ? ` (${how})` : ''}`;
  };

  async function updateCard(q: ForwardedQuestion, place?: Place): Promise<void> {
    const target = place?.activityId ? { reference: place.reference, activityId: place.activityId } : q.card;
    if (target)
      await messenger.update(target.reference, target.activityId, coordinationCard(q, schoolType(q.schoolType)?.title));
  }

  return {
    form: (prefill?: string): Reply => cardReply(forwardForm(schoolTypes, { text: prefill })),

    /** Preview, edit and cancel of the teacher's form; `send` goes through `send`. */
    teacherStep(payload: Exclude<ForwardPayload, { action: 'send' }>, teacherName: string): Reply {
      if (payload.action === 'cancel') return text(T.cancelled);
      const raw = payload as Record<string, unknown>;
      const typed = typeof raw.text === 'string' ? raw.text.trim() : '';
      const replyToMe = raw.replyToMe === true || raw.replyToMe === 'true';
      const chosen = schoolType(typeof raw.schoolType === 'string' ? raw.schoolType : undefined);
      if (payload.action === 'form' || payload.action === 'edit')
        return cardReply(forwardForm(schoolTypes, { text: typed, schoolType: chosen?.value, replyToMe }));
      if (!typed || typed.length > 1500)
        // The form comes back with what was typed and chosen, and says what to change.
        return cardReply(
          forwardForm(schoolTypes, { text: typed, schoolType: chosen?.value, replyToMe }, T.invalid),
          T.invalid,
        );
      return cardReply(
        previewCard({ text: typed, topic: topicOf(typed), schoolType: chosen, replyToMe, name: teacherName }),
      );
    },

    /** Confirmed: stored, posted to the topic's channel (or the one for all); nothing is kept if that fails. */
    async send(payload: Extract<ForwardPayload, { action: 'send' }>, teacher: Teacher): Promise<Reply> {
      const topic = topicOf(payload.text);
      const channel = await store.channelFor(topic);
      if (!channel) {
        logger.info({ intent: 'forward', topic, outcome: 'no-channel' }, 'no channel receives questions');
        return text(T.noChannel(contactInstead()));
      }
      const question: ForwardedQuestion = {
        id: randomUUID(),
        text: payload.text,
        topic,
        state: 'open',
        createdAt: now(),
        ...(schoolType(payload.schoolType) ? { schoolType: payload.schoolType } : {}),
        ...(payload.replyToMe ? { replyTo: { ...teacher } } : {}),
      };
      let activityId: string | undefined;
      try {
        activityId = await messenger.post(
          channel.reference,
          coordinationCard(question, schoolType(question.schoolType)?.title),
          T.channelTitle,
        );
      } catch (err) {
        logger.error(
          { intent: 'forward', topic, err: (err as Error).message },
          'question not delivered to the channel',
        );
        return text(T.failed);
      }
      await store.put({ ...question, ...(activityId ? { card: { reference: channel.reference, activityId } } : {}) });
      recorder.count('forwarded', `${topic}|open`);
      logger.info({ intent: 'forward', topic, replyToMe: payload.replyToMe }, 'question forwarded');
      return text(`${T.sent} ${payload.replyToMe ? T.sentReply : T.sentAnonymous}`);
    },

    /** "Fragen hier empfangen [Thema]" in a team channel, by a coordinator. */
    async receiveHere(place: Place, topicWord?: string): Promise<Reply> {
      if (!policy.isCoordinator(place.coordinator)) return text(T.notCoordinator);
      if (place.conversationType !== 'channel') return text(T.receiveOnlyInChannel);
      const topic = QUESTION_TOPICS.find((t) => topicWord && t.startsWith(topicWord.toLowerCase())) ?? ALL_TOPICS;
      await store.setChannel({ topic, conversationId: place.conversationId, reference: place.reference, setAt: now() });
      logger.info({ intent: 'forward', topic, outcome: 'channel-set' }, 'channel receives questions');
      return text(T.receiving(topic === ALL_TOPICS ? T.allTopics : T.topics[topic]));
    },

    /** The coordination's buttons: answer, close, draft a knowledge entry. */
    async coordinatorStep(payload: ForwardedPayload, place: Place): Promise<Reply> {
      if (!policy.isCoordinator(place.coordinator)) return text(T.notCoordinator);
      const q = await store.get(payload.id);
      if (!q) return text(T.notFound);
      if (q.state === 'closed') return text(T.alreadyClosed);
      if (payload.action === 'suggest') return cardReply(suggestionCard(q), T.suggestionTitle);
      if (payload.action === 'close') {
        const closed: ForwardedQuestion = { ...q, state: 'closed' };
        await store.put(closed);
        await updateCard(closed, place);
        recorder.count('forwarded', `${q.topic}|closed`);
        return text(T.closedNote);
      }
      const typedAnswer = (payload as { answer?: unknown }).answer;
      const answer = typeof typedAnswer === 'string' ? typedAnswer.trim() : '';
      if (!answer) return text(T.answerMissing);
      const answered: ForwardedQuestion = { ...q, state: 'answered', answer: answer.slice(0, 3000), answeredAt: now() };
      await store.put(answered);
      await updateCard(answered, place);
      recorder.count('forwarded', `${q.topic}|answered`);
      recorder.count('answer-time', `${q.topic}|${answerTimeBucket(answered.answeredAt! - q.createdAt)}`);
      if (!q.replyTo) return text(T.answered);
      try {
        await messenger.notify(q.replyTo.reference, T.answerToTeacher(q.text, answered.answer!));
        return text(T.answeredSent);
      } catch (err) {
        logger.warn({ intent: 'forward', err: (err as Error).message }, 'answer not delivered to the teacher');
        return text(T.answerNotDelivered);
      }
    },
  };
}

/** Answer time in coarse buckets (a count per bucket, never a timestamp of a person). */
export function answerTimeBucket(ms: number): string {
  const hours = ms / 3_600_000;
  return hours < 4 ? 'unter-4h' : hours < 24 ? 'unter-1-tag' : hours < 72 ? 'unter-3-tage' : 'laenger';
}

export type ForwardingService = ReturnType<typeof forwardingService>;
