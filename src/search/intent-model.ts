import { SparseSoftmax, type SoftmaxOptions } from '../shared/sparse-softmax';
import { analyze } from './analyzer';
import { normalize } from '../text/normalize';

/** A question and the entry that answers it (`kind:id`), or `none` when the bot has no answer for it. */
export interface LabelledQuestion {
  readonly q: string;
  readonly ref: string;
}

export const OUT_OF_SCOPE = 'none';
export const INTENT_TRAINING: SoftmaxOptions = { epochs: 12, l2: 1e-5, learningRate: 0.2 };
const PIECE = 5;

/** Stems, neighbouring stems and word pieces (typos, compounds) of a question. */
export function questionFeatures(text: string): string[] {
  const stems = analyze(text);
  const out = new Set<string>(stems.map((s) => `w:${s}`));
  for (let i = 0; i + 1 < stems.length; i++) out.add(`b:${stems[i]}_${stems[i + 1]}`);
  for (const word of normalize(text).split(' ')) {
    const padded = `^${word}$`;
    for (let k = 0; k + PIECE <= padded.length; k++) out.add(`p:${padded.slice(k, k + PIECE)}`);
  }
  return [...out];
}

/** Which entry a question asks for, learned from example questions: P(ref | question). */
export class IntentModel {
  private constructor(
    private readonly model: SparseSoftmax,
    readonly refs: readonly string[],
  ) {}

  static train(examples: readonly LabelledQuestion[], options: SoftmaxOptions = INTENT_TRAINING): IntentModel {
    const refs = [...new Set(examples.map((e) => e.ref))].sort();
    const label = new Map(refs.map((r, i) => [r, i]));
    const rows = examples.map((e) => ({ features: questionFeatures(e.q), label: label.get(e.ref)! }));
    return new IntentModel(SparseSoftmax.train(rows, refs.length, options), refs);
  }

  /** ref → probability, for every ref the model knows. */
  probabilities(question: string): Map<string, number> {
    const p = this.model.probabilities(questionFeatures(question));
    return new Map(this.refs.map((r, i) => [r, p[i]!]));
  }
}
