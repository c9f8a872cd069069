import { ruleApplies, type Answers } from '../dialog/flow-engine';
import type { OutcomeNode } from '../dialog/flow-schema';
import type { Knowledge } from '../knowledge/knowledge';
import type { Form, Step } from '../knowledge/schema';
import { addresseesIn } from '../search/addressee';
import type { Answer } from '../search/answer';
import { questionsOf } from '../search/asked';
import { normalize } from '../text/normalize';

/** A form to fill in (a "Bogen") or a letter to send (a "Schreiben"): what a form's title or a question names. */
type Paper = 'bogen' | 'schreiben';
const PAPER_BOGEN = /\b\w*bogen\b|\bquestionnaire|\bresponse form/;
const PAPER_LETTER = /\b\w*(?:schreiben|brief)\b|\bletter\b/;
const paperOf = (title: string): Paper | undefined => {
  const text = normalize(title);
  return PAPER_BOGEN.test(text) ? 'bogen' : PAPER_LETTER.test(text) ? 'schreiben' : undefined;
};
const paperAskedFor = (message: string): Paper | undefined => {
  const kinds = new Set(questionsOf(message).map(paperOf).filter(Boolean));
  return kinds.size === 1 ? [...kinds][0] : undefined;
};

/** "Welcher Vordruck?" for a described case: the outcome that gives forms, and its forms for what the case tells. */
export function createFormChooser(knowledge: Knowledge, outcomes: readonly OutcomeNode[]) {
  const givesForms = (o?: OutcomeNode) => !!o?.rules.some((r) => r.forms.length > 0);
  const formOf = (ref: string) => (knowledge.byRef(ref)?.kind === 'form' ? (knowledge.byRef(ref) as Form) : undefined);

  return {
    /**
     * "Das Gespräch hat nichts gebracht – welchen Vordruck nehmen wir?": a form is asked for, so the outcome is one
     * that gives forms – the one asked about, else that of the best-ranked form or step with forms not yet done.
     */
    outcomeWithForms(outcome: OutcomeNode | undefined, answer: Answer, told: readonly Step[]): OutcomeNode | undefined {
      if (givesForms(outcome)) return outcome;
      const done = new Set(told.map((s) => s.id));
      for (const { entry } of answer.candidates) {
        const stepId = entry.kind === 'step' ? entry.id : entry.kind === 'form' ? entry.step : undefined;
        const candidate = stepId && !done.has(stepId) ? outcomes.find((n) => n.step === stepId) : undefined;
        if (givesForms(candidate)) return candidate;
      }
      return outcome;
    },

    /** Every rule of every outcome that gives the form asks for something the told answers contradict. */
    ruledOut(ref: string, prefill: Answers): boolean {
      const giving = outcomes.flatMap((o) => o.rules).filter((r) => r.forms.some((id) => `form:${id}` === ref));
      const contradicted = (r: (typeof giving)[number]) =>
        Object.entries(r.when).some(
          ([slot, values]) => slot in prefill && !(values as readonly string[]).includes(prefill[slot]!),
        );
      return giving.length > 0 && giving.every(contradicted);
    },

    /**
     * The forms that the outcome's rules give for what the message tells (only rules whose every condition the
     * message answers): the case picks the forms; the party and the kind of paper asked for, the situation's own
     * form, then the engine's order decide among them.
     */
    fitting(outcome: OutcomeNode | undefined, prefill: Answers, refs: readonly string[], text: string): string[] {
      if (!outcome) return [];
      const forms = outcome.rules
        .filter((r) => Object.keys(r.when).length > 0 && ruleApplies(r, prefill))
        .flatMap((r) => r.forms.map((id) => `form:${id}`));
      const rank = (ref: string) => (refs.includes(ref) ? refs.indexOf(ref) : refs.length + forms.indexOf(ref));
      // "Die Anhörung für ihn selbst, nicht für die Mutter": the party asked about first, a ruled-out one last.
      const { wanted, ruledOut } = addresseesIn(text);
      const party = (ref: string) => {
        const addressee = formOf(ref)?.addressee;
        return addressee && wanted.has(addressee) ? 0 : addressee && ruledOut.has(addressee) ? 2 : 1;
      };
      // "Gibt es einen Bogen, auf dem die Eltern ihre Sicht aufschreiben?": the kind of paper asked for comes first.
      const kind = paperAskedFor(text);
      const paper = (ref: string) => (kind && paperOf(formOf(ref)?.title ?? '') !== kind ? 1 : 0);
      // A form few rules give is the situation's own ("Ferienverletzung"); one most rules give goes with any (the Bogen).
      const givenBy = (ref: string) => outcome.rules.filter((r) => r.forms.some((id) => `form:${id}` === ref)).length;
      return [...new Set(forms)].sort(
        (a, b) => party(a) - party(b) || paper(a) - paper(b) || givenBy(a) - givenBy(b) || rank(a) - rank(b),
      );
    },
  };
}
