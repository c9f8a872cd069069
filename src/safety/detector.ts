import { GROUPS } from './concepts';
import type { DangerModel } from './danger-model';
import { nearAt, PatternTable, sequenceAt } from './matcher';
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

/** One text, read once: its words and, per pattern, where they match. */
interface Reading {
  readonly tokens: readonly Token[];
  readonly at: (pattern: number) => readonly number[];
  readonly is: (pattern: number, position: number) => boolean;
}

interface CompiledRule {
  readonly rule: Rule;
  readonly items: readonly number[];
  readonly unless?: number;
}

const table = new PatternTable(GROUPS);
const NEGATION = table.id('@NEGATION');
const EVIDENCE = table.id('@EVIDENCE');
const BREAK = table.id('@BREAK');
const POST_DENIAL = table.id('ausgeschlossen|unbegruendet|unbestaetigt|ruled|unfounded|entkraeftet');
/** "Eine Gefährdung sehen wir nicht", "Gewalt ist nicht zu erkennen": seeing or finding, denied after the word. */
const PERCEIVE = table.id(
  'sehen|sehe|sieht|seh|zu|erkennen|erkenne|erkennt|erkennbar|sichtbar|feststell*|festgestellt|bemerkt|bemerken|gibt|vor|vorhanden|see|seen|notice*|found|exist*',
);
const THREAT = table.id('@THREAT');
/** "Wir haben keinen konkreten Fall, es geht nur um das Konzept": the procedure is the topic, no child is named. */
const NO = table.id('kein|keinen|keine|no|not');
const KIND_OF_CASE = table.id('konkret*|aktuell*|bestimmt*|echt*|specific|actual|current|real|particular');
const CASE = table.id('fall|case|anlass|vorfall');
const JUDGED = table.id('fuer|for|mehr|von|of');
/** "Was droht ihm, wenn …?", "droht den Eltern da was?": a question about consequences, not a threat. */
const WHAT = table.id('was|welche|welcher|welches|welchen|what|etwas');
const ORDINARY_CAUSE = table.id('@ORDINARY_CAUSE');
const SUSPICION = table.id('@SUSPICION');
/** An explanation the text itself doubts: an excuse, a repeat, something odd. */
const DOUBT = table.id(
  'angeblich|behauptet*|supposedly|claims|claimed|ausrede*|excuse*|erneut|staendig|again|repeatedly|unerklaer*|komisch|seltsam|merkwuerdig|odd|strange|weird',
);

/**
 * A lesson, project, training, concept or definition that a danger word is the subject of ("Präventionstag zu
 * Cannabis", "Schutzkonzept gegen sexualisierte Gewalt", "Referat über Zwangsheirat"): discussed, not happening.
 */
const FRAME = table.id(
  'praevention*|prevention|projekt*|project*|workshop*|fortbildung*|schulung*|unterricht*|reihe|referat*|vortrag*|thema|themen|topic|schutzkonzept*|konzept*|roman|novel|buch|book|krimi|film|lektuere|diskut*|discuss*|unterschied|difference|aufklaerung*|awareness|lesson*|kurs|course|essay|aufsatz|facharbeit',
);
const ABOUT = table.id('zu|zum|zur|ueber|gegen|um|about|on|against|zwischen|between|regarding');
const AND = table.id('und|oder|sowie|and|or');
/** Words that may stand between the "about" and the danger word ("zu Alkohol, Cannabis und …"), "und" not counted. */
const SUBJECT_WORDS = 3;

/** The text tells the sign was checked and is fine: agreed, confirmed, a result, a caring family, said laughing. */
const REASSURED = table.id(
  'abgesprochen|einverstanden|zugestimmt|erlaubnis|genehmigt|bestaetigt|confirmed|confirms|ergebnis|unbedenklich|harmlos|entwarnung|fuersorglich|zugewandt|liebevoll|gelacht|lachend|grinsend|scherzhaft|joking|laughing|kidding|jokingly',
);

/** How far a plain negation reaches back ("keine Gewalt", "wird nicht geschlagen"). */
const NEGATION_REACH = 2;
/** "Keinerlei Hinweise darauf, dass er zu Hause geschlagen wird": a negated evidence word reaches further. */
const EVIDENCE_REACH = 12;
/** A rule's `unless` words count this many words around the match (long sentences carry several matters). */
const UNLESS_REACH = 10;

const COMPILED: readonly CompiledRule[] = RULES.map((rule) => ({
  rule,
  items: (rule.seq ?? rule.near ?? []).map((p) => table.id(p)),
  unless: rule.unless ? table.id(rule.unless) : undefined,
}));

function read(text: string): Reading {
  const tokens = tokenize(text);
  const positions = table.positions(tokens);
  const at = (pattern: number) => positions.get(pattern) ?? [];
  return { tokens, at, is: (pattern, position) => at(pattern).includes(position) };
}

function matches({ rule, items }: CompiledRule, r: Reading): number[][] {
  const lists = items.map(r.at);
  if (lists.some((l) => l.length === 0)) return [];
  if (rule.seq) return lists.length === 1 ? lists[0]!.map((p) => [p]) : sequenceAt(r.tokens, lists, rule.gap ?? 2);
  return nearAt(r.tokens, lists, rule.within ?? 6);
}

/** Is this match denied by a negation in its sentence ("keine Anzeichen für …", "Gewalt ausgeschlossen")? */
function denied(r: Reading, at: readonly number[]): boolean {
  const first = Math.min(...at);
  const last = Math.max(...at);
  const sentence = r.tokens[first]!.sentence;
  const inSentence = (i: number) => i >= 0 && i < r.tokens.length && r.tokens[i]!.sentence === sentence;
  for (let j = first - 1; j >= first - EVIDENCE_REACH && inSentence(j); j--) {
    if (r.is(BREAK, j)) break;
    if (!r.is(NEGATION, j)) continue;
    if (first - j <= NEGATION_REACH) return true;
    if ([1, 2, 3].some((k) => j + k < first && r.is(EVIDENCE, j + k))) return true;
  }
  // A negation inside the match: "wird nicht geschlagen".
  for (let j = first + 1; j < last; j++) if (r.is(NEGATION, j) && !at.includes(j)) return true;
  for (let j = last + 1; j <= last + 4 && inSentence(j); j++) if (r.is(POST_DENIAL, j)) return true;
  return deniedAfter(r, last, inSentence) || at.some((j) => asksConsequence(r, j));
}

/** The word order of a denial that follows: "Gewalt sehen wir keine", "eine Gefahr ist nicht zu sehen". */
function deniedAfter(r: Reading, last: number, inSentence: (i: number) => boolean): boolean {
  let perceived = false;
  let negated = false;
  for (let j = last + 1; j <= last + 5 && inSentence(j); j++) {
    if (r.is(BREAK, j)) break;
    perceived ||= r.is(PERCEIVE, j);
    negated ||= r.is(NEGATION, j);
  }
  return perceived && negated;
}

/** A threat word asked about as a consequence: "was" just before it, or closing the sentence shortly after. */
function asksConsequence(r: Reading, j: number): boolean {
  if (!r.is(THREAT, j)) return false;
  if (j > 0 && r.is(WHAT, j - 1) && r.tokens[j - 1]!.sentence === r.tokens[j]!.sentence) return true;
  const sentence = r.tokens[j]!.sentence;
  for (let k = j + 1; k <= j + 4 && k < r.tokens.length && r.tokens[k]!.sentence === sentence; k++) {
    const closes = k + 1 >= r.tokens.length || r.tokens[k + 1]!.sentence !== sentence;
    if (r.is(WHAT, k) && closes) return true;
  }
  return false;
}

/** The match is what a lesson, project or training is about: "<frame> zu|über|gegen … <match>" in its sentence. */
function isSubject(r: Reading, at: readonly number[]): boolean {
  const first = Math.min(...at);
  const sentence = r.tokens[first]!.sentence;
  const inSentence = (i: number) => i >= 0 && r.tokens[i]!.sentence === sentence;
  let words = 0;
  for (let j = first - 1; j >= 0 && inSentence(j) && words <= SUBJECT_WORDS; j--) {
    if (r.is(AND, j)) continue;
    if (r.is(ABOUT, j)) {
      for (let k = j - 4; k < first; k++) if (k !== j && inSentence(k) && r.is(FRAME, k)) return true;
    }
    words++;
  }
  return false;
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

/** The text says there is no case ("kein konkreter Fall", "no specific case"). */
function tellsNoCase(r: Reading): boolean {
  return r.at(CASE).some((c) => {
    const before = (k: number) => c - k >= 0 && r.tokens[c - k]!.sentence === r.tokens[c]!.sentence;
    // "kein Fall für Gespräche mehr" judges a case; "kein konkreter Fall" says there is none.
    const judged = c + 1 < r.tokens.length && r.is(JUDGED, c + 1);
    return !judged && before(2) && r.is(NO, c - 2) && r.is(KIND_OF_CASE, c - 1);
  });
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
  '@AGENT|@GIRL|@SMALL_CHILD|er|he|him|his|she|they|sie|ihn|ihm|sein|seine|seinen|seinem|kind|kinder|sohn|schueler*|pupil*|student*|kid|kids|child*|boy*|girl*|junge*|jugendlich*|teen*|klasse*|grader',
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
