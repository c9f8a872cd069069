import { SparseSoftmax, type SoftmaxOptions } from '../shared/sparse-softmax';
import { featuresOf } from './features';

export interface LabelledText {
  readonly text: string;
  readonly danger: boolean;
}

/** Fewer known words than this (a button answer, gibberish) tell the model nothing. */
const MIN_KNOWN_WORDS = 3;

export const TRAINING: SoftmaxOptions = { epochs: 10, l2: 3e-3, learningRate: 0.05 };

/**
 * How likely a text tells of danger to a child: logistic regression learned from example messages,
 * so it reads paraphrases no rule names.
 */
export class DangerModel {
  private constructor(private readonly model: SparseSoftmax) {}

  static train(examples: readonly LabelledText[], options: SoftmaxOptions = TRAINING): DangerModel {
    const rows = examples.map((e) => ({ features: featuresOf(e.text), label: e.danger ? 1 : 0 }));
    return new DangerModel(SparseSoftmax.train(rows, 2, options));
  }

  /** Probability in [0, 1] that the text tells of danger to a child. */
  probability(text: string): number {
    const features = featuresOf(text);
    const known = features.filter((f) => /^!?w:/.test(f) && this.model.knows(f)).length;
    return known < MIN_KNOWN_WORDS ? 0 : this.model.probabilities(features)[1]!;
  }
}
