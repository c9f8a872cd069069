import type { Knowledge } from '../knowledge/knowledge';
import type { Agency, Form, Step } from '../knowledge/schema';
import { ruleApplies, type Answers } from './flow-engine';
import type { OutcomeNode } from './flow-schema';

/** An outcome with its rules applied to the teacher's answers. */
export interface ResolvedOutcome {
  readonly step: Step;
  readonly headline: string;
  /** The direct answer and what to do now: the outcome's own, else the step's. */
  readonly summary: string;
  readonly actions: readonly string[];
  readonly agencies: readonly Agency[];
  readonly forms: readonly Form[];
  readonly notes: readonly string[];
}

const unique = <T>(items: readonly T[]) => [...new Set(items)];

export function resolveOutcome(node: OutcomeNode, answers: Answers, knowledge: Knowledge): ResolvedOutcome {
  const step = knowledge.step(node.step);
  if (!step) throw new Error(`outcome "${node.id}" names unknown step "${node.step}"`);
  const rules = node.rules.filter((r) => ruleApplies(r, answers));
  const headline = rules.map((r) => r.headline).find(Boolean) ?? node.headline ?? step.title;
  const agencyIds = unique([...node.agencies, ...rules.flatMap((r) => r.agencies)]);
  const formIds = unique([...node.forms, ...rules.flatMap((r) => r.forms)]);
  // An outcome that names forms (itself or in a rule) decides them; none applying means none, not the step's.
  const decidesForms = node.forms.length > 0 || node.rules.some((r) => r.forms.length > 0);
  return {
    step,
    headline,
    summary: node.summary ?? step.summary,
    actions: node.actions ?? step.actions,
    agencies: agencyIds.map((id) => knowledge.agency(id)).filter((a): a is Agency => !!a),
    forms: (decidesForms ? formIds : step.forms).map((id) => knowledge.form(id)).filter((f): f is Form => !!f),
    notes: unique([...node.notes, ...rules.flatMap((r) => r.notes)]),
  };
}
