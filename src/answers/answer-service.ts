import type { TurnContext } from 'botbuilder';
import { guide, type FollowUpKind } from '../cards/actions';
import { answerCard } from '../cards/answer-card';
import { entryCard } from '../cards/entry-card';
import { followUpCard, followUpTargets } from '../cards/follow-up-card';
import { submit, type AdaptiveCard } from '../cards/adaptive';
import type { Answer } from '../search/answer';
import { TEXTS } from '../texts';
import type { Core } from '../core/bootstrap';
import type { UsageCounter } from '../search/usage';
import type { Logger } from '../shared/logger';
import { sendCard } from '../turn/reply';
import { saveUserSlot, userSlot, type BotTurnState } from '../turn/turn-state';

/** Turn-level use cases shared by typed messages and card buttons. */
/** What answering needs. */
export type AnswerDeps = Pick<Core, 'engine' | 'knowledge'> & { readonly logger: Logger; readonly usage: UsageCounter };

export function answerService({ engine, knowledge, logger, usage }: AnswerDeps) {
  // Remembered answers come back as the same object: their card is built once.
  const cards = new WeakMap<Answer, AdaptiveCard>();
  const cardFor = (answer: Answer) => {
    let card = cards.get(answer);
    if (!card) cards.set(answer, (card = answerCard(answer, knowledge)));
    return card;
  };

  return {
    /** Answers with the Q&A engine; `offer` adds a button that opens the guide pre-filled. */
    async answer(
      context: TurnContext,
      state: BotTurnState,
      question: string,
      offer?: Record<string, string>,
    ): Promise<void> {
      const start = performance.now();
      const answer = engine.ask(question);
      const top = answer.candidates[0];
      logger.info(
        {
          intent: 'question',
          decision: answer.decision,
          reason: answer.reason,
          top: top?.ref,
          score: top && Math.round(top.score * 100) / 100,
          ms: Math.round((performance.now() - start) * 100) / 100,
        },
        'answered',
      );
      if (answer.decision === 'answer' && top) {
        saveUserSlot(state, { lastRef: top.ref });
        usage.record(top.ref);
      }
      const card = cardFor(answer);
      const offered = offer
        ? {
            ...card,
            actions: [...(card.actions ?? []), submit(TEXTS.guide.offer, guide({ action: 'start', prefill: offer }))],
          }
        : card;
      await sendCard(context, offered, top?.entry.title);
    },

    async show(context: TurnContext, state: BotTurnState, ref: string): Promise<void> {
      const entry = knowledge.byRef(ref);
      logger.info({ intent: 'show', ref, found: !!entry }, 'show entry');
      if (!entry) return void (await context.sendActivity(TEXTS.unknownEntry));
      saveUserSlot(state, { lastRef: ref });
      usage.record(ref);
      await sendCard(context, entryCard(entry, knowledge), entry.title);
    },

    async followUp(context: TurnContext, state: BotTurnState, what: FollowUpKind, ref?: string): Promise<void> {
      const from = ref ?? userSlot(state).lastRef;
      const entry = from ? knowledge.byRef(from) : undefined;
      const targets = from ? followUpTargets(knowledge, from, what) : undefined;
      logger.info({ intent: 'follow-up', what, ref: from, targets: targets?.length ?? 0 }, 'follow-up');
      if (!entry || !targets || targets.length === 0) {
        return void (await context.sendActivity(TEXTS.noFollowUp));
      }
      if (targets.length === 1) saveUserSlot(state, { lastRef: `${targets[0]!.kind}:${targets[0]!.id}` });
      await sendCard(context, followUpCard(knowledge, targets, what, entry), entry.title);
    },
  };
}

export type AnswerService = ReturnType<typeof answerService>;
