import Fuse from 'fuse.js';
import { analyze } from '../search/analyzer';
import { synonymAlternatives, type PhraseGroup } from '../search/synonyms';
import { normalize } from '../text/normalize';
import type { Answers } from './flow-engine';
import type { Option, QuestionNode } from './flow-schema';
import { ageIn } from '../text/age';
import { sentencesOf } from '../text/sentences';

interface CompiledOption {
  readonly option: Option;
  readonly phrases: readonly (readonly string[])[];
}

/** A message's terms per sentence (with their tails), as written and with synonyms. */
export interface TextReading {
  readonly text: string;
  readonly literal: readonly ReadonlySet<string>[];
  readonly expanded: readonly ReadonlySet<string>[];
}

/** "ohne", "kein", "nicht", "nichts", "without": the next words are meant as absent ("ohne Ausbildungsvertrag"). */
const NEGATION =
  /^(?:ohne|kein|keine|keinen|keiner|nicht|nichts|niemand|weder|noch nicht|no|not|nothing|nobody|without|never)$/;
const NEGATION_REACH = 2;

/** A text's sentences (a keyword's words must stand in one). */
const sentencesIn = (text: string): string[] => sentencesOf(text, { colon: false });

/** The text's terms, a negated one marked "!" (within its clause) – read the same way for texts and keywords. */
export function termsOf(text: string): string[] {
  return text.split(/[,.;:!?()\n]+/).flatMap(clauseTerms);
}

/** "Angst haben wir ausgeschlossen", "Mit Ferien hat das nichts zu tun": what stands before the verb is denied. */
const DENIALS = [
  ['ausgeschlossen'],
  ['nichts', 'zu', 'tun'],
  ['kein', 'thema'],
  ['ruled', 'out'],
  ['nothing', 'to', 'do'],
];
const AUXILIARY = /^(?:haben|hat|habe|hatten|hatte|ist|sind|war|waren|wurde|wurden|has|have|had|is|was|were)$/;

/** Where a denial after the words stands (word positions); "… haben wir nicht ausgeschlossen" denies nothing. */
function denialIn(words: readonly string[]): { from: number; to: number } | undefined {
  // "Angst oder Mobbing sehen weder wir noch die Schulsozialarbeit": a "weder" after the verb denies what stood before.
  const neither = words.indexOf('weder');
  if (neither >= 2) return { from: neither, to: neither + 1 };
  for (let i = 0; i < words.length; i++) {
    const denial = DENIALS.find((d) => d.every((w, k) => words[i + k] === w));
    if (denial && words[i - 1] !== 'nicht' && words[i - 1] !== 'not') return { from: i, to: i + denial.length };
  }
  return undefined;
}

/** A negation closing the clause, alone or before a verb of doing or finding: "Einen Vertrag hat sie nicht". */
const FINAL_NEGATION = /^(?:nicht|nie|never)$/;
const DENIED_DEED =
  /^(?:gemacht|verschickt|geschickt|gestellt|gefuehrt|gesprochen|beantragt|vorgelegt|abgegeben|eingereicht|gegeben|bekommen|erhalten|festgestellt|gesehen|erkannt|bestaetigt|vorhanden|stattgefunden|statt)$/;

/** Where a clause-closing negation stands ("… hat sie nicht", "… noch nicht verschickt"): all before it is denied. */
function finalNegationIn(words: readonly string[]): number {
  const last = words.length - 1;
  if (last > 0 && FINAL_NEGATION.test(words[last]!)) return last;
  return last > 1 && FINAL_NEGATION.test(words[last - 1]!) && DENIED_DEED.test(words[last]!) ? last - 1 : 0;
}

function clauseTerms(clause: string): string[] {
  const terms: string[] = [];
  const words = normalize(clause).split(' ').filter(Boolean);
  const denial = denialIn(words);
  // The words before the verb the denial closes ("Angst oder Mobbing | haben wir … ausgeschlossen").
  const verb = !denial
    ? -1
    : words[denial.from] === 'weder'
      ? denial.from - 1
      : words.findIndex((w) => AUXILIARY.test(w));
  const deniedBefore = Math.max(denial && verb > 0 && verb < denial.from ? verb : 0, finalNegationIn(words));
  let negated = 0;
  const neither = words.indexOf('weder');
  words.forEach((word, i) => {
    // "weder Angst noch Mobbing": the "noch" after a "weder" negates as well.
    if (NEGATION.test(word) || (word === 'noch' && neither >= 0 && neither < i)) {
      negated = NEGATION_REACH;
      return;
    }
    // The denial's own words are no answer ("nichts zu tun" is not "noch nichts unternommen").
    if (denial && i >= denial.from && i < denial.to) return;
    const stems = analyze(word);
    for (const stem of stems) terms.push(negated > 0 || i < deniedBefore ? `!${stem}` : stem);
    if (stems.length > 0) negated--;
  });
  return terms;
}
/** A compound names its kind last ("Sommerferien" are Ferien): a term and its tails of four letters or more. */
const TAIL = 4;
const withTails = (term: string): string[] => {
  const [mark, word] = term.startsWith('!') ? ['!', term.slice(1)] : ['', term];
  return [term, ...Array.from({ length: Math.max(0, word.length - TAIL) }, (_, i) => mark + word.slice(i + 1))];
};

/** A keyword of numbers only ("unter 14" → "14") would match any age: ages are read by `ageIn`. */
const isNumbers = (terms: readonly string[]) => terms.every((t) => /^!?\d+$/.test(t));

/**
 * Reads answers out of free text and typed replies, using each option's title and keywords – and the answer
 * engine's synonym groups, so both read a message with one vocabulary ("apprentice" is an Azubi for both).
 */
export function createAnswerReader(
  questions: readonly QuestionNode[],
  { synonyms = [], literalSlots = [] }: { synonyms?: readonly PhraseGroup[]; literalSlots?: readonly string[] } = {},
) {
  /** The text's terms and the one-word synonyms of its phrases (longer ones would match keywords piecemeal). */
  const withSynonyms = (terms: readonly string[]): string[] => {
    const alternatives = [...synonymAlternatives(terms, synonyms).values()].flat();
    return [...terms, ...alternatives.filter((a) => a.share === 1).map((a) => a.term)];
  };
  const compiled = new Map(
    questions.map((q) => [
      q.id,
      q.options.map(
        (option): CompiledOption => ({
          option,
          phrases: option.keywords.map(termsOf).filter((p) => p.length > 0 && !isNumbers(p)),
        }),
      ),
    ]),
  );
  const fuzzy = new Map(
    questions.map((q) => [q.id, new Fuse(q.options, { keys: ['title'], threshold: 0.3, includeScore: true })]),
  );

  /**
   * The option whose longest phrase is in the text: "Förderschule Hören" beats "Förderschule"; of equal length the
   * one told first. A phrase's words stand in one sentence ("Die Eltern … Ich halte das für falsch" holds no
   * "Eltern halten").
   */
  const byKeywords = (question: QuestionNode, haves: readonly ReadonlySet<string>[]): Option | undefined => {
    /** The first sentence that holds all of the phrase's words, or -1. */
    const firstIn = (p: readonly string[]) => haves.findIndex((have) => p.every((t) => have.has(t)));
    let best: { option: Option; length: number; at: number } | undefined;
    for (const { option, phrases } of compiled.get(question.id)!) {
      for (const p of phrases) {
        const at = firstIn(p);
        if (at < 0) continue;
        // Longer wins; of equal length, the one told first ("Realschule … Ich war vorher an einer Grundschule").
        if (!best || p.length > best.length || (p.length === best.length && at < best.at))
          best = { option, length: p.length, at };
      }
    }
    return best?.option;
  };
  /** A text's terms per sentence with their tails, as written and with synonyms – read once per text. */
  const sentenceTerms = (sentences: readonly (readonly string[])[]) =>
    sentences.map((terms) => new Set(terms.flatMap(withTails)));
  /** What `extract` and `says` read in a text, computed once when both look at the same message. */
  const readingOf = (text: string | TextReading): TextReading => {
    if (typeof text !== 'string') return text;
    const literal = sentencesIn(text).map(termsOf);
    return { text, literal: sentenceTerms(literal), expanded: sentenceTerms(literal.map(withSynonyms)) };
  };
  const havesFor = (reading: TextReading, slot: string) =>
    literalSlots.includes(slot) ? reading.literal : reading.expanded;
  /** `normalized` is normalize(text), computed once by the caller. */
  const byAge = (question: QuestionNode, text: string, normalized: string): Option | undefined => {
    const years = ageIn(text, normalized) ?? (/^\s*\d{1,2}\s*$/.test(text) ? Number(text.trim()) : undefined);
    if (years === undefined) return undefined;
    return question.options.find((o) => o.age && Number(years) >= o.age[0] && Number(years) <= o.age[1]);
  };

  return {
    /** Reads a text once for `extract` and `says`. */
    read: readingOf,

    /** Every slot a case description already answers (the first matching option per question). */
    extract(message: string | TextReading): Record<string, string> {
      const reading = readingOf(message);
      const { text } = reading;
      const normalized = normalize(text);
      const answers: Record<string, string> = {};
      for (const q of questions) {
        if (answers[q.slot]) continue;
        // What was already done is read from the words themselves: a synonym of "Bußgeld" is no fine imposed.
        const option = byAge(q, text, normalized) ?? byKeywords(q, havesFor(reading, q.slot));
        // An option's `sets` fill what the text has not said (never overwrite what it did say).
        if (option) Object.assign(answers, { ...option.sets, ...answers, [q.slot]: option.value });
      }
      return answers;
    },

    /** The text tells what this option means (any of its keywords, negation read): "Angst" for anxiety. */
    says(text: string | TextReading, slot: string, value: string): boolean {
      const haves = havesFor(readingOf(text), slot);
      return questions
        .filter((q) => q.slot === slot)
        .some((q) =>
          compiled
            .get(q.id)!
            .filter(({ option }) => option.value === value)
            .some(({ phrases }) => phrases.some((p) => haves.some((have) => p.every((t) => have.has(t))))),
        );
    },

    /** The option a typed reply means: its number, title, a keyword, an age, or a close spelling. */
    match(question: QuestionNode, text: string, allowFuzzy = true): Option | undefined {
      const n = normalize(text);
      const index = /^\d$/.test(n) ? Number(n) - 1 : -1;
      if (index >= 0 && index < question.options.length && !question.options.some((o) => o.age))
        return question.options[index];
      return (
        question.options.find((o) => normalize(o.title) === n) ??
        byAge(question, text, n) ??
        byKeywords(
          question,
          sentenceTerms([literalSlots.includes(question.slot) ? termsOf(text) : withSynonyms(termsOf(text))]),
        ) ??
        (allowFuzzy ? fuzzy.get(question.id)!.search(text, { limit: 1 })[0]?.item : undefined)
      );
    },
  };
}

export type AnswerReader = ReturnType<typeof createAnswerReader>;
export type { Answers };
