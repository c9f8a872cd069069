import { GROUPS } from './concepts';
import { compile, nearAt, positions, sequenceAt } from './matcher';
import { RULES, type DangerCategory, type Rule } from './rules';
import { tokenize, type Token } from './tokens';

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

type Test = (word: string) => boolean;
interface CompiledRule {
  readonly rule: Rule;
  readonly find: (tokens: readonly Token[]) => number[][];
  readonly unless?: Test;
}

const test = (p: string): Test => compile(p, GROUPS);
const isNegation = test('@NEGATION');
const isEvidence = test('@EVIDENCE');
const isBreak = test('@BREAK');
const isPostDenial = test('ausgeschlossen|unbegruendet|unbestaetigt|ruled|unfounded|entkraeftet');

/** How far a plain negation reaches back ("keine Gewalt", "wird nicht geschlagen"). */
const NEGATION_REACH = 2;
/** "Keinerlei Hinweise darauf, dass er zu Hause geschlagen wird": a negated evidence word reaches further. */
const EVIDENCE_REACH = 12;
/** A rule's `unless` words count this many words around the match (long sentences carry several matters). */
const UNLESS_REACH = 10;

function compileRule(rule: Rule): CompiledRule {
  const items = (rule.seq ?? rule.near ?? []).map(test);
  const find = rule.seq
    ? (tokens: readonly Token[]) =>
        items.length === 1 ? positions(tokens, items[0]!).map((p) => [p]) : sequenceAt(tokens, items, rule.gap ?? 2)
    : (tokens: readonly Token[]) => nearAt(tokens, items, rule.within ?? 6);
  return { rule, find, unless: rule.unless ? test(rule.unless) : undefined };
}

const COMPILED = RULES.map(compileRule);

/** Is this match denied by a negation in its sentence ("keine Anzeichen für …", "Gewalt ausgeschlossen")? */
function denied(tokens: readonly Token[], at: readonly number[]): boolean {
  const first = Math.min(...at);
  const last = Math.max(...at);
  const sentence = tokens[first]!.sentence;
  const inSentence = (i: number) => i >= 0 && i < tokens.length && tokens[i]!.sentence === sentence;
  for (let j = first - 1; j >= first - EVIDENCE_REACH && inSentence(j); j--) {
    const word = tokens[j]!.word;
    if (isBreak(word)) break;
    if (!isNegation(word)) continue;
    if (first - j <= NEGATION_REACH) return true;
    const evidence = [1, 2, 3].some((k) => j + k < first && isEvidence(tokens[j + k]!.word));
    if (evidence) return true;
  }
  // A negation inside the match: "wird nicht geschlagen".
  for (let j = first + 1; j < last; j++) if (isNegation(tokens[j]!.word) && !at.includes(j)) return true;
  for (let j = last + 1; j <= last + 4 && inSentence(j); j++) if (isPostDenial(tokens[j]!.word)) return true;
  return false;
}

function fires(compiled: CompiledRule, tokens: readonly Token[]): boolean {
  return compiled.find(tokens).some((at) => {
    const sentence = tokens[at[0]!]!.sentence;
    const from = Math.min(...at) - UNLESS_REACH;
    const to = Math.max(...at) + UNLESS_REACH;
    const voided = (t: Token, i: number) => i >= from && i <= to && t.sentence === sentence && compiled.unless!(t.word);
    if (compiled.unless && tokens.some(voided)) return false;
    return compiled.rule.literal || !denied(tokens, at);
  });
}

/** Reads a text for danger to a child. Pure; runs before everything else on every text the bot reads. */
export function assessSafety(text: string): SafetySignal {
  const tokens = tokenize(text);
  if (tokens.length === 0) return NONE;
  const clear = new Set<DangerCategory>();
  const weak = new Set<DangerCategory>();
  for (const compiled of COMPILED) {
    const { category, level } = compiled.rule;
    if ((level === 'clear' ? clear : weak).has(category) || clear.has(category)) continue;
    if (fires(compiled, tokens)) (level === 'clear' ? clear : weak).add(category);
  }
  if (clear.size > 0) return { level: 'clear', categories: [...clear] };
  if (weak.size > 0) return { level: 'weak', categories: [...weak] };
  return NONE;
}
