import type { TurnContext } from 'botbuilder';
import type { AnswerService } from '../answers/answer-service';
import type { Core } from '../core/bootstrap';
import type { Logger } from '../shared/logger';
import { say, sendCard } from '../turn/reply';
import { saveUserSlot, userSlot, type BotTurnState } from '../turn/turn-state';
import { text } from '../cards/adaptive';
import { emergencyPhones } from '../cards/answer-card';
import { createFreeTextDecider } from '../decision/free-text';
import { TEXTS } from '../texts';
import { readDialog } from '../dialog/dialog-state';
import type { DialogState } from '../dialog/flow-engine';
import type { GuidePayload } from '../cards/actions';
import { outcomeCard, questionCard, summaryText } from '../dialog/guide-cards';
import { resolveOutcome } from '../dialog/outcome';

const MAX_FUZZY_REPLY = 40;

/** The guided dialog's use cases for one turn; thin routes call these. */
/** What the guided dialog needs. */
export type GuideDeps = Core & { readonly logger: Logger };

export function guideService(deps: GuideDeps, answers: AnswerService) {
  const { guide, reader, knowledge, engine, logger } = deps;
  const decide = createFreeTextDecider(deps);
  const nodeExists = (id: string) => guide.flow.nodes.some((n) => n.id === id);
  const load = (context: TurnContext, state: BotTurnState) => readDialog(userSlot(state).dialog, nodeExists);
  const save = (context: TurnContext, state: BotTurnState, dialog: DialogState | undefined) =>
    saveUserSlot(state, { dialog });

  /** Shows where the dialog stands: the next question, or the outcome. */
  async function show(context: TurnContext, state: BotTurnState, dialog: DialogState, lead?: string): Promise<void> {
    save(context, state, dialog);
    const node = guide.current(dialog);
    if (!node) return;
    logger.info(
      { intent: 'guide', node: node.id, kind: node.kind, answered: Object.keys(dialog.answers).length },
      'guide step',
    );
    const canGoBack = dialog.history.length > 0;
    const view =
      node.kind === 'question'
        ? questionCard(guide, node, dialog.answers, dialog.prefilled, canGoBack)
        : outcomeCard(resolveOutcome(node, dialog.answers, knowledge), knowledge, canGoBack);
    await sendCard(
      context,
      lead ? { ...view, body: [text(lead, { weight: 'Bolder' }), ...view.body] } : view,
      node.kind === 'question' ? node.text : TEXTS.guide.label,
    );
  }

  /** Only answers the flow knows survive a (possibly forged) prefill. */
  const knownAnswers = (prefill: Record<string, string> = {}) =>
    Object.fromEntries(
      Object.entries(prefill).filter(([slot, value]) =>
        guide.questions.some((q) => q.slot === slot && q.options.some((o) => o.value === value)),
      ),
    );

  return {
    start: (context: TurnContext, state: BotTurnState, prefill?: Record<string, string>) =>
      show(context, state, guide.start(knownAnswers(prefill))),

    /** Button presses: choose, back, restart, cancel, summary. */
    async press(context: TurnContext, state: BotTurnState, payload: GuidePayload): Promise<void> {
      if (payload.action === 'start') return show(context, state, guide.start(knownAnswers(payload.prefill)));
      if (payload.action === 'restart') return show(context, state, guide.start());
      const dialog = load(context, state);
      if (!dialog) {
        if (payload.action === 'cancel') return void (await context.sendActivity(TEXTS.guide.cancelled));
        return show(context, state, guide.start(), TEXTS.guide.expired);
      }
      switch (payload.action) {
        case 'cancel':
          save(context, state, undefined);
          return void (await context.sendActivity(TEXTS.guide.cancelled));
        case 'back':
          return show(context, state, guide.back(dialog));
        case 'summary': {
          const node = guide.current(dialog);
          if (node?.kind !== 'outcome') return show(context, state, dialog);
          return void (await context.sendActivity(
            summaryText(guide, dialog.answers, resolveOutcome(node, dialog.answers, knowledge), new Date()),
          ));
        }
        case 'choose': {
          const next = payload.node === dialog.node ? guide.choose(dialog, payload.value) : undefined;
          if (!next) {
            logger.warn({ intent: 'guide', problem: 'stale-button', node: payload.node }, 'guide button does not fit');
            return show(context, state, dialog, TEXTS.guide.stale);
          }
          return show(context, state, next);
        }
      }
    },

    /** Typed "Zurück", "Neu starten", "Abbrechen", "Zusammenfassung". */
    async control(
      context: TurnContext,
      state: BotTurnState,
      action: 'back' | 'restart' | 'cancel' | 'summary',
    ): Promise<void> {
      if (!load(context, state) && action !== 'restart')
        return void (await context.sendActivity(TEXTS.guide.notActive));
      return this.press(context, state, { verb: 'guide', action });
    },

    /** Free text: an answer to the open question, a case to guide, or a question for the Q&A engine. */
    async text(context: TurnContext, state: BotTurnState, typed: string): Promise<void> {
      const dialog = load(context, state);
      const node = dialog && guide.current(dialog);
      const safety = engine.safety(typed).level;
      if (safety === 'clear' && dialog) return show(context, state, guide.safety(dialog));
      if (dialog && node?.kind === 'question') {
        const option = reader.match(node, typed, typed.length <= MAX_FUZZY_REPLY);
        // A weak sign in a reply: the dialog goes on, with the child-protection line and numbers on top.
        const hint =
          safety === 'weak' ? [TEXTS.childProtectionHint, ...emergencyPhones(knowledge)].join(' · ') : undefined;
        if (option) return show(context, state, guide.choose(dialog, option.value)!, hint);
        await say(context, state, answers.answer(typed));
        return show(context, state, dialog, TEXTS.guide.continueLater);
      }
      const decision = decide(typed);
      const slots = Object.keys(decision.prefill);
      if (decision.route === 'guide') {
        logger.info({ intent: 'guide', trigger: 'case-text', slots }, 'guide pre-filled from text');
        return show(context, state, guide.start(decision.prefill));
      }
      return say(context, state, answers.answer(typed, slots.length ? decision.prefill : undefined));
    },
  };
}

export type GuideService = ReturnType<typeof guideService>;
