import type { BroadcastService, CoordinatorTurn } from '../broadcast/broadcast-service';
import type { CoordinatorPolicy } from '../roles/coordinators';
import type { Broadcast } from '../broadcast/model';
import type { AcknowledgementStore, BroadcastStores } from '../broadcast/ports';
import type { ForwardingService } from '../forwarding/forwarding-service';
import type { QuestionStore } from '../forwarding/model';
import type { Knowledge } from '../knowledge/knowledge';
import { lastWeeks, weeklyFigures } from '../statistics/figures';
import type { CountStore } from '../statistics/ports';
import { shown, SMALL_NUMBER } from '../statistics/report';
import { deliveryCsv } from '../broadcast/delivery-csv';
import { figureTables, type FigureLine } from '../statistics/statistics-card';
import { TEXTS } from '../texts';
import type { Reply } from '../turn/reply';

export type DeskStep = 'approve' | 'pause' | 'resume' | 'cancel' | 'reschedule';

export interface DeskDeps {
  readonly counts: CountStore;
  readonly questions: QuestionStore;
  readonly stores: Pick<BroadcastStores, 'broadcasts' | 'outbox'> & { readonly acknowledgements: AcknowledgementStore };
  readonly policy: CoordinatorPolicy;
  /** The live version's knowledge (titles of the most used entries). */
  readonly knowledge: () => Knowledge;
  readonly forwarding?: ForwardingService;
  readonly news?: BroadcastService;
  readonly now?: () => number;
}

/** A number for the chart only when it may be shown; the text always. */
const masked = (n: number) => ({ n: n < SMALL_NUMBER ? null : n, shown: shown(n) });
const replyText = (reply: Reply) => ('text' in reply && reply.text) || ('summary' in reply && reply.summary) || '';

/** A broadcast button pressed from the tab: the chat's own flow, with its words collected instead of posted. */
async function pressed(news: BroadcastService, coordinator: string, steps: readonly unknown[]): Promise<string[]> {
  const said: string[] = [];
  let draft: unknown;
  const turn: CoordinatorTurn = {
    coordinator,
    reference: {},
    get storedDraft() {
      return draft;
    },
    keepDraft: (d) => void (draft = d),
    say: async (reply) => void said.push(replyText(reply)),
  };
  for (const step of steps) await news.press(turn, step);
  return said.filter(Boolean);
}

/** The Koordination tab's use cases; the caller has checked the coordinator already. */
export function coordinationDesk(deps: DeskDeps) {
  const now = deps.now ?? Date.now;
  const lines = (weeks: readonly string[], table: readonly FigureLine[]) =>
    table.map(([name, value]) => ({ name, values: weeks.map((w) => masked(value(w))) }));

  return {
    async statistics() {
      const { weeks, from, to } = lastWeeks(now());
      const { routes, guide, top } = figureTables(await weeklyFigures(deps.counts, { from, to }));
      return {
        weeks,
        privacy: TEXTS.statistics.privacy,
        tables: [
          { title: TEXTS.statistics.questions, lines: lines(weeks, routes) },
          { title: TEXTS.statistics.guideAndFeedback, lines: lines(weeks, guide) },
        ],
        top: top.map(([ref, n]) => ({ ref, title: deps.knowledge().byRef(ref)?.short_title ?? ref, ...masked(n) })),
      };
    },

    /** Newest first; the teacher is named only where "Antwort an mich" was ticked, never their ids. */
    async inbox() {
      return (await deps.questions.newest(200)).map((q) => ({
        id: q.id,
        text: q.text,
        topic: q.topic,
        topicTitle: TEXTS.forwarding.topics[q.topic],
        schoolType: q.schoolType,
        state: q.state,
        createdAt: q.createdAt,
        answer: q.answer,
        answeredAt: q.answeredAt,
        replyTo: q.replyTo?.name,
      }));
    },

    /** Answer or close, through the same service as the channel card's buttons (which it updates). */
    async settle(coordinator: string, id: string, step: { action: 'answer'; answer: string } | { action: 'close' }) {
      if (!deps.forwarding) return { message: TEXTS.forwarding.notFound };
      const reply = await deps.forwarding.coordinatorStep(
        { verb: 'forwarded', id, ...step },
        {
          coordinator,
          conversationId: '',
          conversationType: 'tab',
          reference: {},
        },
      );
      return { message: replyText(reply) };
    },

    /** The broadcasts this coordinator may change (their topics), each with its delivery report. */
    async sent(coordinator: string) {
      const mine = (await deps.stores.broadcasts.newest(100)).filter((b) =>
        deps.policy.mayBroadcast(coordinator, b.news.topic),
      );
      return Promise.all(
        mine.map(async (b: Broadcast) => ({
          id: b.id,
          title: b.news.title,
          topic: b.news.topic,
          status: b.status,
          version: b.version,
          createdAt: b.createdAt,
          sendAt: b.sendAt,
          author: b.author,
          approvedBy: b.approvedBy,
          changedBy: b.changedBy,
          report: await deps.stores.outbox.report(b.id, 'send'),
          acknowledge: !!b.news.acknowledge,
          acknowledged: (await deps.stores.acknowledgements.of(b.id)).size,
        })),
      );
    },

    /** One row per recipient conversation and action, as CSV; only for a coordinator of the item's topic. */
    async reportCsv(coordinator: string, id: string): Promise<string | undefined> {
      const broadcast = await deps.stores.broadcasts.get(id);
      if (!broadcast || !deps.policy.mayBroadcast(coordinator, broadcast.news.topic)) return undefined;
      return deliveryCsv(deps.stores, id);
    },

    /** approve, pause, resume, cancel, or a new time ({date, time} on Dortmund's clock), as in the chat. */
    step: (coordinator: string, id: string, action: DeskStep, when: { date?: unknown; time?: unknown } = {}) =>
      deps.news
        ? pressed(deps.news, coordinator, [
            action === 'reschedule'
              ? { verb: 'broadcast', action, id, sendDate: when.date, sendTime: when.time }
              : { verb: 'broadcast', action, id },
          ])
        : Promise.resolve([]),

    recall: (coordinator: string, id: string) =>
      deps.news
        ? pressed(deps.news, coordinator, [{ verb: 'broadcast', action: 'recall-confirm', id }])
        : Promise.resolve([]),

    /** A correction: the chat's preview with the new fields, then send. */
    correct: (coordinator: string, id: string, fields: { title?: unknown; text?: unknown; link?: unknown }) =>
      deps.news
        ? pressed(deps.news, coordinator, [
            { ...fields, verb: 'broadcast', action: 'preview', correcting: id },
            { verb: 'broadcast', action: 'send' },
          ])
        : Promise.resolve([]),
  };
}

export type CoordinationDesk = ReturnType<typeof coordinationDesk>;
