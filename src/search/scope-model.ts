import { z } from 'zod';
import { readExampleLines } from '../knowledge/example-lines';
import type { Knowledge } from '../knowledge/knowledge';
import type { Problem } from '../knowledge/problems';
import { featuresOf } from '../safety/features';
import { SparseSoftmax, type SoftmaxOptions } from '../shared/sparse-softmax';
import { trainedModels } from '../shared/trained-models';

/** Where the scope model's example questions live, inside knowledge/. */
export const SCOPE_EXAMPLES_DIR = 'scope-examples';

const ExampleLine = z.object({ q: z.string().trim().min(1), scope: z.enum(['in', 'out']) });

export interface ScopeExample {
  readonly text: string;
  readonly outside: boolean;
}

/** Fewer known words than this (a keyword, a typo) give the model no opinion. */
const MIN_KNOWN_WORDS = 2;
const TRAINING: SoftmaxOptions = { epochs: 10, l2: 3e-3, learningRate: 0.05 };

/**
 * How likely a question is about something other than pupils' attendance and the network (the asker's own job,
 * another office's service, a workplace): logistic regression over the words and word pairs of example questions,
 * so it reads whose matter a question is in wordings no rule names.
 */
export class ScopeModel {
  private constructor(private readonly model: SparseSoftmax) {}

  static train(examples: readonly ScopeExample[], options: SoftmaxOptions = TRAINING): ScopeModel {
    const rows = examples.map((e) => ({ features: featuresOf(e.text), label: e.outside ? 1 : 0 }));
    return new ScopeModel(SparseSoftmax.train(rows, 2, options));
  }

  /** Probability in [0, 1] that the question is outside the bot's matter; 0.5 where it knows too few words. */
  outside(text: string): number {
    const features = featuresOf(text);
    const known = features.filter((f) => f.startsWith('w:') && this.model.knows(f)).length;
    return known < MIN_KNOWN_WORDS ? 0.5 : this.model.probabilities(features)[1]!;
  }
}

const scopeModelFor = trainedModels(
  (examples: readonly ScopeExample[]) => ScopeModel.train(examples),
  (e) => `${e.outside ? 1 : 0}${e.text}`,
);

/**
 * The model learned from knowledge/scope-examples/ and, as in scope, every entry's title and example questions
 * (trained at start-up, about a second; cached by its examples for tests and published versions).
 */
export function learnedScopeModel(
  knowledgeDir: string,
  knowledge: Knowledge,
): { model?: ScopeModel; problems: readonly Problem[] } {
  const { lines, problems } = readExampleLines(knowledgeDir, SCOPE_EXAMPLES_DIR, ExampleLine);
  if (problems.length > 0) return { problems };
  const examples = [
    ...lines.map((l) => ({ text: l.q, outside: l.scope === 'out' })),
    ...knowledge.entries.flatMap((e) => [e.title, ...e.questions]).map((text) => ({ text, outside: false })),
  ];
  if (!examples.some((e) => e.outside))
    return { problems: [{ file: SCOPE_EXAMPLES_DIR, message: 'braucht Beispiele für „out“' }] };
  return { model: scopeModelFor(examples), problems: [] };
}
