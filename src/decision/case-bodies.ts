import { ruleApplies, type Answers } from '../dialog/flow-engine';
import type { OutcomeNode } from '../dialog/flow-schema';

// Which body an outcome's rules choose for what a message tells (school type, apprenticeship …).

/** The leading step's outcome picks its body by slots the message leaves open (e.g. the school type). */
export function needsDialog(outcome: OutcomeNode | undefined, prefill: Answers): boolean {
  return !!outcome?.rules.some((r) => r.agencies.length > 0 && Object.keys(r.when).some((slot) => !(slot in prefill)));
}

/** The one outcome among the candidates (its step or a body of it) whose rules choose a body by what is told. */
export function decidedByCase(
  outcomes: readonly OutcomeNode[],
  prefill: Answers,
  refs: readonly string[],
): OutcomeNode | undefined {
  const named = new Set(refs);
  const deciding = outcomes.filter(
    (n) =>
      responsibleFor(n, prefill).length > 0 &&
      (named.has(`step:${n.step}`) || n.rules.some((r) => r.agencies.some((id) => named.has(`agency:${id}`)))),
  );
  return deciding.length === 1 ? deciding[0] : undefined;
}

/** A body that one of the outcome's rules chooses (by school type, apprenticeship …). */
export function chosenByRules(outcome: OutcomeNode | undefined, ref: string): boolean {
  return !!outcome?.rules.some((r) => r.agencies.some((id) => `agency:${id}` === ref));
}

/**
 * "Wer bekommt die Versäumnisanzeige bei Gymnasien?": the outcome names the responsible body for what the
 * message tells (school type, apprenticeship); only rule-chosen agencies count, and only when the message
 * answers what the rule asks.
 */
export function responsibleFor(outcome: OutcomeNode | undefined, prefill: Answers): string[] {
  if (!outcome) return [];
  const rules = outcome.rules.filter(
    (r) =>
      r.agencies.length > 0 && Object.keys(r.when).length > 0 && Object.keys(r.when).every((slot) => slot in prefill),
  );
  const applying = rules.filter((r) => ruleApplies(r, prefill));
  return [...new Set(applying.flatMap((r) => r.agencies))].map((id) => `agency:${id}`);
}
