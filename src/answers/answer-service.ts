import { guide, type FollowUpKind } from '../cards/actions';
import { answerCard, type AnswerCardOptions } from '../cards/answer-card';
import { refOf } from '../knowledge/knowledge';
import { entryCard } from '../cards/entry-card';
import { followUpCard, followUpTargets } from '../cards/follow-up-card';
import { submit, type AdaptiveCard } from '../cards/adaptive';
import type { Answer } from '../search/answer';
import { TEXTS } from '../texts';
import type { Core } from '../core/bootstrap';
import type { UsageCounter } from '../search/usage';
import type { Logger } from '../shared/logger';
import type { Said } from '../turn/reply';

/** Use cases shared by typed messages and card buttons: they decide what to say, the routes say it. */
/** What answering needs. */
export type AnswerDeps = Pick<Core, 'engine' | 'knowledge'> & {
  readonly logger: Logger;
  readonly usage: UsageCounter;
  /** Unsure answers offer "Frage an die Fachstelle" when it is wired. */
  readonly offerForwarding?: boolean;
};

export function answerService({ engine, knowledge, logger, usage, offerForwarding }: AnswerDeps) {
  // Remembered answers come back as the same object: their plain card is built once.
  const cards = new WeakMap<Answer, AdaptiveCard>();
  const cardFor = (answer: Answer, options: AnswerCardOptions) => {
    if (options.lead || options.offer || options.forward) return answerCard(answer, knowledge, options);
    let card = cards.get(answer);
    if (!card) cards.set(answer, (card = answerCard(answer, knowledge)));
    return card;
  };

  return {
    /**
     * Answers with the Q&A engine; `offer` adds a button that opens the guide pre-filled, `leadRef` is the
     * entry the free-text decision leads with (the responsible body for the named school type).
     */
    answer(question: string, offer?: Record<string, string>, leadRef?: string): Said {
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
      const answered = answer.decision === 'answer' && top;
      const lead = answered && leadRef && leadRef !== top.ref ? knowledge.byRef(leadRef) : undefined;
      const shown = lead ? lead : top?.entry;
      if (answered && shown) usage.record(refOf(shown));
      const card = cardFor(answer, {
        lead,
        offer: offer && submit(TEXTS.guide.offer, guide({ action: 'start', prefill: offer })),
        ...(offerForwarding && answer.decision === 'unsure' ? { forward: question } : {}),
      });
      return {
        reply: { card, summary: shown?.title },
        lastRef: answered && shown ? refOf(shown) : undefined,
      };
    },

    show(ref: string): Said {
      const entry = knowledge.byRef(ref);
      logger.info({ intent: 'show', ref, found: !!entry }, 'show entry');
      if (!entry) return { reply: { text: TEXTS.unknownEntry } };
      usage.record(ref);
      return { reply: { card: entryCard(entry, knowledge), summary: entry.title }, lastRef: ref };
    },

    /** `from`: the entry the button was on, or the one shown last. */
    followUp(what: FollowUpKind, from: string | undefined): Said {
      const entry = from ? knowledge.byRef(from) : undefined;
      const targets = from ? followUpTargets(knowledge, from, what) : undefined;
      logger.info({ intent: 'follow-up', what, ref: from, targets: targets?.length ?? 0 }, 'follow-up');
      if (!entry || !targets || targets.length === 0) return { reply: { text: TEXTS.noFollowUp } };
      const only = targets.length === 1 ? `${targets[0]!.kind}:${targets[0]!.id}` : undefined;
      return { reply: { card: followUpCard(knowledge, targets, what, entry), summary: entry.title }, lastRef: only };
    },
  };
}

export type AnswerService = ReturnType<typeof answerService>;
