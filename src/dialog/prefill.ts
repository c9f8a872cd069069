import Fuse from 'fuse.js';
import { analyze } from '../search/analyzer';
import { normalize } from '../text/normalize';
import type { Answers } from './flow-engine';
import type { Option, QuestionNode } from './flow-schema';

interface CompiledOption {
  readonly option: Option;
  readonly phrases: readonly (readonly string[])[];
}

const AGE = /\b(\d{1,2})\s*(?:jahre|jahren|jaehrig|jahrig|j)\b/;

/** Reads answers out of free text and typed replies, using each option's title and keywords. */
export function createAnswerReader(questions: readonly QuestionNode[]) {
  const compiled = new Map(
    questions.map((q) => [
      q.id,
      q.options.map(
        (option): CompiledOption => ({ option, phrases: option.keywords.map(analyze).filter((p) => p.length > 0) }),
      ),
    ]),
  );
  const fuzzy = new Map(
    questions.map((q) => [q.id, new Fuse(q.options, { keys: ['title'], threshold: 0.3, includeScore: true })]),
  );

  /** The option whose longest phrase is in the text: "Förderschule Hören" beats "Förderschule". */
  const byKeywords = (question: QuestionNode, terms: readonly string[]): Option | undefined => {
    const have = new Set(terms);
    let best: { option: Option; length: number } | undefined;
    for (const { option, phrases } of compiled.get(question.id)!) {
      const length = Math.max(0, ...phrases.filter((p) => p.every((t) => have.has(t))).map((p) => p.length));
      if (length > (best?.length ?? 0)) best = { option, length };
    }
    return best?.option;
  };
  /** `normalized` is normalize(text), computed once by the caller. */
  const byAge = (question: QuestionNode, text: string, normalized: string): Option | undefined => {
    const years = AGE.exec(normalized)?.[1] ?? (/^\s*\d{1,2}\s*$/.test(text) ? text.trim() : undefined);
    if (years === undefined) return undefined;
    return question.options.find((o) => o.age && Number(years) >= o.age[0] && Number(years) <= o.age[1]);
  };

  return {
    /** Every slot a case description already answers (the first matching option per question). */
    extract(text: string): Record<string, string> {
      const terms = analyze(text);
      const normalized = normalize(text);
      const answers: Record<string, string> = {};
      for (const q of questions) {
        if (answers[q.slot]) continue;
        const option = byAge(q, text, normalized) ?? byKeywords(q, terms);
        // An option's `sets` fill what the text has not said (never overwrite what it did say).
        if (option) Object.assign(answers, { ...option.sets, ...answers, [q.slot]: option.value });
      }
      return answers;
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
        byKeywords(question, analyze(text)) ??
        (allowFuzzy ? fuzzy.get(question.id)!.search(text, { limit: 1 })[0]?.item : undefined)
      );
    },
  };
}

export type AnswerReader = ReturnType<typeof createAnswerReader>;
export type { Answers };
