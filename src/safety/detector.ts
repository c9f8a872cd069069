import type { DangerModel } from './danger-model';
import { nearAt, sequenceAt } from './matcher';
import {
  denied,
  DOUBT,
  isSubject,
  ORDINARY_CAUSE,
  read,
  REASSURED,
  SUSPICION,
  table,
  tellsNoCase,
  type Reading,
} from './meaning';
import { RULES, type DangerCategory, type Rule } from './rules';

/**
 * - clear: lead with the child-protection step and the emergency number;
 * - weak: answer the question and show a visible child-protection line with the number;
 * - none: nothing points to danger.
 */
export type SafetyLevel = 'clear' | 'weak' | 'none';

export interface SafetySignal {
  readonly level: SafetyLevel;
  /** The kinds of danger seen (for logs and tests, never the words). */
  readonly categories: readonly DangerCategory[];
}

const NONE: SafetySignal = Object.freeze({ level: 'none', categories: [] });

/** A rule's `unless` words count this many words around the match (long sentences carry several matters). */
const UNLESS_REACH = 10;

interface CompiledRule {
  readonly rule: Rule;
  readonly items: readonly number[];
  readonly unless?: number;
}

const COMPILED: readonly CompiledRule[] = RULES.map((rule) => ({
  rule,
  items: (rule.seq ?? rule.near ?? []).map((p) => table.id(p)),
  unless: rule.unless ? table.id(rule.unless) : undefined,
}));

function matches({ rule, items }: CompiledRule, r: Reading): number[][] {
  const lists = items.map(r.at);
  if (lists.some((l) => l.length === 0)) return [];
  if (rule.seq) return lists.length === 1 ? lists[0]!.map((p) => [p]) : sequenceAt(r.tokens, lists, rule.gap ?? 2);
  return nearAt(r.tokens, lists, rule.within ?? 6);
}

/** 'clear' or the rule's level where it fires, 'weak' where every match it makes is a subject of talk, else none. */
function firing(compiled: CompiledRule, r: Reading): Rule['level'] | undefined {
  // An injury with an explanation and something odd about it ("sagt, er sei gefallen, aber schon wieder"):
  // the explanation does not void it.
  const doubted = compiled.rule.explainable && r.at(DOUBT).length > 0;
  const fired = matches(compiled, r).filter((at) => {
    if (compiled.unless !== undefined && !doubted) {
      const sentence = r.tokens[at[0]!]!.sentence;
      const from = Math.min(...at) - UNLESS_REACH;
      const to = Math.max(...at) + UNLESS_REACH;
      if (r.at(compiled.unless).some((i) => i >= from && i <= to && r.tokens[i]!.sentence === sentence)) return false;
    }
    return compiled.rule.literal || !denied(r, at);
  });
  if (fired.length === 0) return undefined;
  return fired.every((at) => isSubject(r, at)) ? 'weak' : compiled.rule.level;
}

const fires = (compiled: CompiledRule, r: Reading): boolean => firing(compiled, r) !== undefined;

/** What the hand-written rules read in a text (pure). */
export function readRules(text: string): SafetySignal {
  return rulesOn(read(text));
}

/** A clear signal in a text that says it is about no case shows the line and answers (weak). */
const noCaseCapped = (r: Reading, signal: SafetySignal): SafetySignal =>
  signal.level === 'clear' && tellsNoCase(r) ? { ...signal, level: 'weak' } : signal;

function rulesOn(reading: Reading): SafetySignal {
  return noCaseCapped(reading, rulesUncapped(reading));
}

function rulesUncapped(reading: Reading): SafetySignal {
  if (reading.tokens.length === 0) return NONE;
  const clear = new Set<DangerCategory>();
  const weak = new Set<DangerCategory>();
  const explained = reading.at(ORDINARY_CAUSE).length > 0 && reading.at(SUSPICION).length === 0;
  for (const compiled of COMPILED) {
    const { category, explainable } = compiled.rule;
    if (clear.has(category)) continue;
    const fired = firing(compiled, reading);
    if (!fired) continue;
    const level = explainable && explained ? 'weak' : fired;
    (level === 'clear' ? clear : weak).add(category);
  }
  if (clear.size > 0) return { level: 'clear', categories: [...clear] };
  if (weak.size > 0) return { level: 'weak', categories: [...weak] };
  return NONE;
}

/**
 * A child or a person around it: danger is always someone's ("parking ticket … pay online" is nobody's).
 * The writer alone ("ich", "mich") is not: the bot's users are adults asking about a child.
 */
const PERSON = table.id(
  '@AGENT|@GIRL|@SMALL_CHILD|er|he|him|his|she|they|sie|ihn|ihm|seine|seinen|seinem|kind|kinder|sohn|schueler*|pupil*|student*|kid|kids|child*|boy*|girl*|junge*|jugendlich*|teen*|klasse*|grader',
);

/** The rules that fire on a text (for tests and for tuning the rules; the text itself is never kept). */
export function firingRules(text: string): Rule[] {
  const reading = read(text);
  return COMPILED.filter((c) => fires(c, reading)).map((c) => c.rule);
}

/** Reads a text for danger to a child; runs before everything else on every text the bot reads. */
export type SafetyDetector = (text: string) => SafetySignal;

/**
 * Above `clear` the learned model alone leads with child protection; above `weak` it adds the line.
 * One passage of a longer text leads above `passage` (it is read with less context) and adds the line above `clear`.
 */
export interface Thresholds {
  readonly clear: number;
  readonly weak: number;
  readonly passage: number;
  /** Below this on every passage the model sees no sign at all: a clear rule in a long text only shows the line. */
  readonly silent: number;
}
export const LEARNED_THRESHOLDS: Thresholds = { clear: 0.6, weak: 0.35, passage: 0.75, silent: 0.05 };

/**
 * The model overrules a clear rule only where it has context to read: in a short message ("Jugendlicher äußert
 * Suizidgedanken") the rule's words are the message.
 */
const CONTEXT_WORDS = 12;

/**
 * Rules and the learned model together: the stronger of the two counts; the model catches what no rule
 * names (paraphrases, new wording). In a message with context, a rule's clear signal leads unless the model sees
 * no sign at all anywhere in it (every passage below `silent`): a rule reads a few words ("null Plan, wie es weitergeht"), the model the
 * whole message. Then the rule's signal still shows the Kinderschutz line (weak).
 */
export function createSafetyDetector(model?: DangerModel, thresholds: Thresholds = LEARNED_THRESHOLDS): SafetyDetector {
  return (text) => {
    const reading = read(text);
    return noCaseCapped(reading, combined(reading, text));
  };

  function combined(reading: Reading, text: string): SafetySignal {
    const rules = rulesOn(reading);
    if (!model) return rules;
    const { whole, passage } = model.read(text);
    if (rules.level === 'clear') {
      // "Zwei Stunden allein – mit der Nachbarin abgesprochen": a sign the text tells was checked, which the model
      // does not read as danger and nothing doubts, shows the line instead of leading.
      const reassured =
        reading.at(REASSURED).length > 0 &&
        reading.at(DOUBT).length === 0 &&
        whole < thresholds.weak &&
        passage < thresholds.passage;
      return (reading.tokens.length < CONTEXT_WORDS || passage >= thresholds.silent) && !reassured
        ? rules
        : { ...rules, level: 'weak' };
    }
    if (whole >= thresholds.clear || passage >= thresholds.passage)
      return reading.at(PERSON).length > 0
        ? { level: 'clear', categories: rules.categories.length ? rules.categories : ['general'] }
        : { level: 'weak', categories: rules.categories.length ? rules.categories : ['general'] };
    if (rules.level === 'weak') return rules;
    return whole >= thresholds.weak || passage >= thresholds.clear ? { level: 'weak', categories: ['general'] } : NONE;
  }
}
