import { SparseSoftmax, type SoftmaxOptions } from '../shared/sparse-softmax';
import { featuresBySentence, featuresOf } from './features';

export interface LabelledText {
  readonly text: string;
  readonly danger: boolean;
}

/** Fewer known words than this (a button answer, gibberish) tell the model nothing. */
const MIN_KNOWN_WORDS = 3;
/** Sentences read together as one passage: danger is often told in one or two sentences of a long story. */
export const PASSAGE_SENTENCES = 2;

/** What the model reads in a text: the whole text, and its most alarming passage. */
export interface DangerReading {
  readonly whole: number;
  readonly passage: number;
}

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
    return this.read(text).whole;
  }

  /**
   * The whole text and the passage of PASSAGE_SENTENCES sentences that reads most like danger: in a long
   * story about absence and forms, the one sentence that tells of danger is outweighed by the rest.
   */
  read(text: string): DangerReading {
    const sentences = featuresBySentence(text);
    const whole = this.score(sentences.flat());
    let passage = whole;
    if (sentences.length > PASSAGE_SENTENCES)
      for (let i = 0; i + PASSAGE_SENTENCES <= sentences.length; i++)
        passage = Math.max(passage, this.score(sentences.slice(i, i + PASSAGE_SENTENCES).flat()));
    return { whole, passage };
  }

  private score(features: readonly string[]): number {
    const unique = [...new Set(features)];
    const known = unique.filter((f) => /^!?w:/.test(f) && this.model.knows(f)).length;
    return known < MIN_KNOWN_WORDS ? 0 : this.model.probabilities(unique)[1]!;
  }
}
