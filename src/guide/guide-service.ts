import type { AnswerService } from '../answers/answer-service';
import type { Core } from '../core/bootstrap';
import type { Logger } from '../shared/logger';
import type { Said } from '../turn/reply';
import { text } from '../cards/adaptive';
import { withChildProtectionBanner } from '../cards/child-protection';
import { createFreeTextDecider, type FreeTextDecision } from '../decision/free-text';
import { TEXTS } from '../texts';
import { isOutdated, readDialog } from '../dialog/dialog-state';
import type { DialogState } from '../dialog/flow-engine';
import type { GuidePayload } from '../cards/actions';
import { outcomeCard, questionCard, summaryText } from '../dialog/guide-cards';
import { resolveOutcome } from '../dialog/outcome';
import { NO_RECORDER, type Recorder } from '../statistics/recorder';

const MAX_FUZZY_REPLY = 40;

/** What the guided dialog needs. */
export type GuideDeps = Core & { readonly logger: Logger; readonly recorder?: Recorder };

/**
 * What one turn of the guide says, and the dialog to keep: `dialog` undefined leaves it as it is, null ends it.
 * The route saves and sends (features decide, the edge sends).
 */
export interface GuideTurn {
  readonly replies: readonly Said[];
  readonly dialog?: DialogState | null;
}

const saying = (reply: string): GuideTurn => ({ replies: [{ reply: { text: reply } }] });

export function guideService(deps: GuideDeps, answers: AnswerService) {
  const { guide, reader, knowledge, engine, logger } = deps;
  const recorder = deps.recorder ?? NO_RECORDER;
  const decide = createFreeTextDecider(deps);
  const nodeExists = (id: string) => guide.flow.nodes.some((n) => n.id === id);
  /** The user's stored dialog (whatever shape it has after a deployment), checked. */
  const load = (stored: unknown) => (outdated(stored) ? undefined : readDialog(stored, nodeExists));
  const outdated = (stored: unknown) => isOutdated(stored, guide.fingerprint);

  /** Where the dialog stands: the next question, or the outcome; `before` goes first (an answer). */
  function show(dialog: DialogState, lead?: string, before: readonly Said[] = [], banner?: string): GuideTurn {
    const node = guide.current(dialog);
    if (!node) return { replies: before, dialog };
    logger.info(
      { intent: 'guide', node: node.id, kind: node.kind, answered: Object.keys(dialog.answers).length },
      'guide step',
    );
    if (node.kind === 'outcome') recorder.count('guide', `outcome:${node.id}`);
    const canGoBack = dialog.history.length > 0;
    const view =
      node.kind === 'question'
        ? questionCard(guide, node, dialog.answers, dialog.prefilled, canGoBack)
        : outcomeCard(resolveOutcome(node, dialog.answers, knowledge), knowledge, canGoBack);
    const led = lead ? { ...view, body: [text(lead, { weight: 'Bolder' }), ...view.body] } : view;
    const card = banner ? withChildProtectionBanner(led, knowledge, banner) : led;
    const summary = node.kind === 'question' ? node.text : TEXTS.guide.label;
    // An outcome is an answer: "Nächster Schritt" afterwards follows its step.
    const lastRef = node.kind === 'outcome' ? `step:${node.step}` : undefined;
    return { replies: [...before, { reply: { card, summary }, lastRef }], dialog };
  }

  /** Only answers the flow knows survive a (possibly forged) prefill. */
  const knownAnswers = (prefill: Record<string, string> = {}) =>
    Object.fromEntries(
      Object.entries(prefill).filter(([slot, value]) =>
        guide.questions.some((q) => q.slot === slot && q.options.some((o) => o.value === value)),
      ),
    );

  /** Questions by route, and the entry (and its kind) they were answered with. */
  function countDecision(decision: FreeTextDecision): void {
    recorder.count('question', decision.answer.reason === 'out-of-scope' ? 'out-of-scope' : decision.route);
    const ref = decision.answered ? decision.refs[0] : undefined;
    if (!ref) return;
    recorder.count('entry', ref);
    recorder.count('kind', ref.split(':')[0]!);
  }

  function press(payload: GuidePayload, stored: unknown): GuideTurn {
    if (payload.action === 'start') {
      recorder.count('guide', 'start');
      return show(guide.start(knownAnswers(payload.prefill)));
    }
    if (payload.action === 'restart') return show(guide.start());
    if (outdated(stored) && payload.action !== 'cancel') return show(guide.start(), TEXTS.guide.updated);
    const dialog = load(stored);
    if (!dialog)
      return payload.action === 'cancel' ? saying(TEXTS.guide.cancelled) : show(guide.start(), TEXTS.guide.expired);
    switch (payload.action) {
      case 'cancel': {
        const at = guide.current(dialog);
        if (at?.kind === 'question') recorder.count('guide', `abandon:${at.id}`);
        return { ...saying(TEXTS.guide.cancelled), dialog: null };
      }
      case 'back':
        return show(guide.back(dialog));
      case 'summary': {
        const node = guide.current(dialog);
        if (node?.kind !== 'outcome') return show(dialog);
        return saying(
          summaryText(guide, dialog.answers, resolveOutcome(node, dialog.answers, knowledge), knowledge, new Date()),
        );
      }
      case 'choose': {
        const next = payload.node === dialog.node ? guide.choose(dialog, payload.value) : undefined;
        if (!next) {
          logger.warn({ intent: 'guide', problem: 'stale-button', node: payload.node }, 'guide button does not fit');
          return show(dialog, TEXTS.guide.stale);
        }
        return show(next);
      }
    }
  }

  return {
    start: (prefill?: Record<string, string>): GuideTurn => show(guide.start(knownAnswers(prefill))),

    /** Button presses: choose, back, restart, cancel, summary. */
    press,

    /** Typed "Zurück", "Neu starten", "Abbrechen", "Zusammenfassung". */
    control(action: 'back' | 'restart' | 'cancel' | 'summary', stored: unknown): GuideTurn {
      if (!load(stored) && !outdated(stored) && action !== 'restart') return saying(TEXTS.guide.notActive);
      return press({ verb: 'guide', action }, stored);
    },

    /** Free text: an answer to the open question, a case to guide, or a question for the Q&A engine. */
    text(typed: string, stored: unknown): GuideTurn {
      const dialog = load(stored);
      const node = dialog && guide.current(dialog);
      const safety = engine.safety(typed).level;
      if (safety !== 'none') recorder.count('child-protection', safety);
      if (safety === 'clear' && dialog) return show(guide.safety(dialog));
      if (dialog && node?.kind === 'question') {
        const option = reader.match(node, typed, typed.length <= MAX_FUZZY_REPLY);
        // A weak sign in a reply: the dialog goes on, with the child-protection line and numbers on top.
        const banner = safety === 'weak' ? TEXTS.childProtectionHint : undefined;
        if (option) return show(guide.choose(dialog, option.value)!, undefined, [], banner);
        return show(dialog, TEXTS.guide.continueLater, [answers.answer(typed)]);
      }
      const decision = decide(typed);
      countDecision(decision);
      const slots = Object.keys(decision.prefill);
      // Begun on an earlier version of the guide: said once, after the answer (child protection stays first).
      const ended: GuideTurn['replies'] =
        outdated(stored) && decision.route !== 'guide' ? [{ reply: { text: TEXTS.guide.updatedEnded } }] : [];
      if (decision.route === 'guide') {
        recorder.count('guide', 'start');
        logger.info({ intent: 'guide', trigger: 'case-text', slots }, 'guide pre-filled from text');
        const dialog = guide.start(decision.prefill);
        // The case already names its next step: that step first, then the question that picks forms and bodies.
        const named = decision.answered && guide.current(dialog)?.kind === 'question' ? decision.refs[0] : undefined;
        return named ? show(dialog, TEXTS.guide.refine, [answers.show(named)]) : show(dialog);
      }
      const answer = answers.answer(typed, slots.length ? decision.prefill : undefined, decision.refs[0]);
      return ended.length ? { replies: [answer, ...ended], dialog: null } : { replies: [answer] };
    },
  };
}

export type GuideService = ReturnType<typeof guideService>;
