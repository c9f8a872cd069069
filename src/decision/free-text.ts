import type { Core } from '../core/bootstrap';
import type { Answers } from '../dialog/flow-engine';
import type { OutcomeNode } from '../dialog/flow-schema';
import { resolveOutcome } from '../dialog/outcome';
import { asksWhatFollows } from '../search/after-step';
import { asksForForm, asksWhatKind, questionsOf, whatIsAsked } from '../search/asked';
import { ANXIETY_OPTION, FORMS_OF_ABSENCE } from '../knowledge/contract';
import { isAnswered, type Answer } from '../search/answer';
import { normalize } from '../text/normalize';
import type { Step } from '../knowledge/schema';
import { createCasePrefill } from './case-prefill';
import { chosenByRules, decidedByCase, needsDialog, responsibleFor } from './case-bodies';
import { createFormChooser } from './case-forms';

/** Where a typed message goes when no guided dialog waits for a reply. */
export type Route = 'answer' | 'clarify' | 'unsure' | 'guide' | 'child-protection';

export interface FreeTextDecision {
  readonly route: Route;
  /** The engine's answer (always computed: its candidates back every route). */
  readonly answer: Answer;
  /** What the message already tells the guided dialog (empty on child protection). */
  readonly prefill: Answers;
  /** Best first: for a guide that lands on an outcome, its step and agencies lead. */
  readonly refs: readonly string[];
  /** The user gets an answer for the message itself (a guide outcome counts; a guide question does not). */
  readonly answered: boolean;
}

/** "Wer bekommt …?", "An wen …?": the responsible body leads a guide outcome. */
const ASKS_WHO = /\b(wer|wen|wem|wohin|zustaendig\w*|who|whom|where to|which (authority|office))\b/;

const FORM_OF_ABSENCE_REFS = new Set(FORMS_OF_ABSENCE.map((id) => `topic:${id}`));
const isFormOfAbsence = (ref: string) => FORM_OF_ABSENCE_REFS.has(ref);

/** The asking sentence wants a body: where to turn, who helps or advises, which office. */
const ASKS_BODY =
  /\b(?:wohin|an wen|bei wem|welche (?:stelle|beratung\w*|behoerde|einrichtung)|wer (?:\w+ ){0,3}(?:hilft|helfen|berat\w*|unterstuetz\w*)|who (?:can|could) (?:help|advise|support)|where (?:can|could|do|should) (?:i|we) (?:send|turn|go|refer)|which (?:office|service|agency|body))\b/;
const asksForBody = (text: string) => questionsOf(text).some((q) => ASKS_BODY.test(normalize(q)));

/** `lead` first, then the other refs in their order. */
const leading = (lead: readonly string[], refs: readonly string[]) => [...new Set([...lead, ...refs])];

/** The one decision for free text, shared by the chat (`guide-service`), `npm run ask` and the eval. */
export function createFreeTextDecider(core: Pick<Core, 'engine' | 'reader' | 'guide' | 'knowledge'>) {
  const { engine, guide, knowledge } = core;
  const startQuestion = guide.questions.find((q) => q.id === guide.flow.start);
  const startSlot = startQuestion?.slot;
  const situations = startQuestion?.options ?? [];
  const outcomes = guide.flow.nodes.filter((n): n is OutcomeNode => n.kind === 'outcome');
  const readCase = createCasePrefill(core);
  const forms = createFormChooser(knowledge, outcomes);

  return function decide(text: string): FreeTextDecision {
    const answer = engine.ask(text);
    const refs = answer.candidates.map((c) => c.ref);
    if (answer.childProtection) return { route: 'child-protection', answer, prefill: {}, refs, answered: true };
    const { prefill, done } = readCase(text);
    const slots = Object.keys(prefill);
    const normalized = normalize(text);
    const asksWho = ASKS_WHO.test(normalized);
    const asksForm = asksForForm(text);
    let about = outcomeOf(answer, done);
    // "Was für eine Form von Fehlen ist das?": the form of absence the case tells; the ranking picks among them.
    const kind = answer.reason === 'out-of-scope' || !asksWhatKind(text) ? undefined : kindOf(prefill, refs);
    if (kind) return { route: 'answer', answer, prefill, refs: leading([kind], refs), answered: true };
    // The case names the form of absence; a ranking that leads with another form of absence yields to it.
    const toldForm =
      answer.reason !== 'out-of-scope' && isFormOfAbsence(refs[0] ?? '') ? toldKind(prefill, refs) : undefined;
    if (toldForm && toldForm !== refs[0] && isAnswered(answer))
      return { route: answer.decision, answer, prefill, refs: leading([toldForm], refs), answered: true };
    // Someone else's matter (the asker's own sick note) opens no pupil's guide, whatever its words fill.
    const describesCase =
      answer.reason !== 'out-of-scope' &&
      whatIsAsked(text) !== 'fact' &&
      (slots.some((s) => guide.flow.opens_on.includes(s)) ||
        (slots.length >= 2 && !!startSlot && !!prefill[startSlot]));
    if (describesCase) {
      const dialog = guide.start(prefill);
      const node = guide.current(dialog);
      if (node?.kind === 'outcome') {
        const { step, agencies } = outcomeRefs(node, dialog.answers);
        const lead = asksWho ? [...agencies, step] : [step, ...agencies];
        return { route: 'guide', answer, prefill, refs: leading(lead, refs), answered: true };
      }
      // The questions left only refine one step (the forms by age, the body by school type): the case names it.
      const ahead = guide.ahead(dialog);
      const aheadStep = new Set(ahead.map((o) => o.step)).size === 1 ? ahead[0] : undefined;
      if (aheadStep) {
        if (ahead.length === 1) about = aheadStep;
        // "Welcher Vordruck?", "Wer bekommt sie?": the forms and bodies below pick from what the message tells.
        if (!asksForm && !asksWho)
          return { route: 'guide', answer, prefill, refs: leading([`step:${aheadStep.step}`], refs), answered: true };
      }
      // The dialog would ask first: an answer or a choice goes ahead, unless the message asks what follows –
      // and the case reading cannot name the next step without the dialog's answers (the school type …).
      const caseAnswered = answer.reason === 'case' && !needsDialog(about, prefill);
      if (!caseAnswered && (answer.decision === 'unsure' || asksWhatFollows(text))) {
        // "Die Eltern behalten ihn zu Hause – was kann ich machen?": nothing done yet is told, the form of absence
        // is – its entry answers (what to do first for it); the dialog stays one click away.
        const told = nothingDoneTold(prefill) ? toldKind(prefill, refs) : undefined;
        if (told) return { route: 'answer', answer, prefill, refs: leading([told], refs), answered: true };
        return { route: 'guide', answer, prefill, refs, answered: false };
      }
    }
    // "My pupil is very anxious – who can advise us?": what the message tells leads straight to an outcome and it
    // asks who helps or what to do, while the ranking is unsure: the outcome answers.
    // Child protection is the detector's call alone; a ranking that already leads with the outcome's own step,
    // a body of it or a form of absence stays as it is.
    // Anxiety told goes to its help even when the words rank something else with confidence.
    const anxious = prefill[ANXIETY_OPTION.slot] === ANXIETY_OPTION.value;
    const direct =
      !describesCase && slots.length > 0 && (answer.decision !== 'answer' || anxious) ? outcomeFor(prefill) : undefined;
    const asksHelp = asksWho || whatIsAsked(text) === 'next-step';
    if (direct && direct.node.id !== guide.flow.safety && answer.reason !== 'out-of-scope' && asksHelp) {
      const { step, agencies: bodies } = outcomeRefs(direct.node, direct.answers);
      const rank = (ref: string) => (refs.includes(ref) ? refs.indexOf(ref) : refs.length);
      const agencies = [...bodies].sort((a, b) => rank(a) - rank(b));
      const fits =
        refs[0] !== undefined && (refs[0] === step || agencies.includes(refs[0]) || isFormOfAbsence(refs[0]));
      const lead = asksWho ? [...agencies.slice(0, 1), step, ...agencies] : [step, ...agencies];
      if (!fits) return { route: 'guide', answer, prefill, refs: leading(lead, refs), answered: true };
    }
    // "Welcher Vordruck?" for a described case: the forms the outcome's rules give for it; ranking orders them.
    const formsAbout = asksForm ? forms.outcomeWithForms(about, answer, done) : about;
    const fitting = answer.reason === 'out-of-scope' || !asksForm ? [] : forms.fitting(formsAbout, prefill, refs, text);
    if (fitting.length > 0) {
      const step = `step:${formsAbout!.step}`;
      return { route: 'answer', answer, prefill, refs: leading([...fitting, step], refs), answered: true };
    }
    // "Which authority handles the fine procedure for a Gymnasium?": a topic or a step already done leads (no body,
    // no step to do), but the told school type decides the body of one outcome the candidates name – it is asked about.
    const lead = refs[0] ?? '';
    const topicLeads =
      lead.startsWith('topic:') || (lead.startsWith('step:') && done.some((s) => `step:${s.id}` === lead));
    const ownBodies = responsibleFor(about, prefill);
    const responsible =
      ownBodies.length === 0 && asksWho && topicLeads
        ? responsibleFor(decidedByCase(outcomes, prefill, refs), prefill)
        : ownBodies;
    // "Förderschulen melden ans Schulamt – stimmt das für uns (Hören und Kommunikation)?": a body the named
    // school type rules out does not lead, asked with "wer" or not.
    const ruledOut = refs[0] !== undefined && chosenByRules(about, refs[0]) && !responsible.includes(refs[0]);
    if ((asksWho || ruledOut) && responsible.length > 0 && isAnswered(answer)) {
      return { route: 'answer', answer, prefill, refs: leading([...responsible, refs[0]!], refs), answered: true };
    }
    // "Gibt es für die Versäumnisanzeige an der Grundschule ein eigenes Formular?": a form the told case rules out
    // (130 is the Berufskolleg's) does not lead – its step does.
    const form = refs[0] ? knowledge.byRef(refs[0]) : undefined;
    if (form?.kind === 'form' && forms.ruledOut(refs[0]!, prefill))
      return {
        route: answer.decision,
        answer,
        prefill,
        refs: leading([`step:${form.step}`], refs),
        answered: isAnswered(answer),
      };
    // "Wohin kann ich die Eltern schicken?", "Who can advise us?": asked for a body, a close one beats a topic.
    if (isAnswered(answer) && refs[0]?.startsWith('topic:') && asksForBody(text)) {
      const body = refs.slice(1, 3).find((r) => r.startsWith('agency:'));
      if (body) return { route: answer.decision, answer, prefill, refs: leading([body], refs), answered: true };
    }
    return { route: answer.decision, answer, prefill, refs, answered: isAnswered(answer) };
  };

  /** The forms of absence the told situation describes, best-ranked first; else the best-ranked of all. */
  function kindOf(prefill: Answers, refs: readonly string[]): string | undefined {
    return toldKind(prefill, refs) ?? refs.find(isFormOfAbsence);
  }

  /** What was done is not told (the dialog would ask it first). */
  function nothingDoneTold(prefill: Answers): boolean {
    return !Object.keys(prefill).some((slot) => guide.flow.opens_on.includes(slot));
  }

  /** The form of absence the told situation names first in the ranking's order, if the situation names any. */
  function toldKind(prefill: Answers, refs: readonly string[]): string | undefined {
    const told = situations.find((o) => o.value === (startSlot && prefill[startSlot]))?.topics ?? [];
    const rank = (ref: string) => (refs.includes(ref) ? refs.indexOf(ref) : refs.length);
    return told.map((id) => `topic:${id}`).sort((a, b) => rank(a) - rank(b))[0];
  }

  /** The outcome the told answers reach without another question (with the answers the guide settled), if any. */
  function outcomeFor(prefill: Answers): { node: OutcomeNode; answers: Answers } | undefined {
    const dialog = guide.start(prefill);
    const node = guide.current(dialog);
    return node?.kind === 'outcome' ? { node, answers: dialog.answers } : undefined;
  }

  /** An outcome's step and bodies as refs, in the outcome's order. */
  function outcomeRefs(node: OutcomeNode, answers: Answers): { step: string; agencies: string[] } {
    const outcome = resolveOutcome(node, answers, knowledge);
    return { step: `step:${outcome.step.id}`, agencies: outcome.agencies.map((a) => `agency:${a.id}`) };
  }

  /** The outcome the question is about: of the first step (or a form's step) among the two leading candidates … */
  function outcomeOf(answer: Answer, told: readonly Step[]): OutcomeNode | undefined {
    // A step the message tells was done is not the one it asks about ("Aufforderung ging raus – welches Schreiben?").
    const done = new Set(told.map((s) => s.id));
    const stepId = answer.candidates
      .slice(0, 2)
      .map((c) => (c.entry.kind === 'step' ? c.entry.id : c.entry.kind === 'form' ? c.entry.step : undefined))
      .find((id) => id && !done.has(id));
    if (stepId) return outcomes.find((n) => n.step === stepId);
    // … or, when bodies lead ("Schulamt oder Bezirksregierung?"), the outcome whose rules choose among them.
    const body = answer.candidates[0]?.entry;
    return body?.kind === 'agency'
      ? outcomes.find((n) => n.rules.some((r) => (r.agencies as readonly string[]).includes(body.id)))
      : undefined;
  }
}

export type FreeTextDecider = ReturnType<typeof createFreeTextDecider>;
