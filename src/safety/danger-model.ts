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

  /**
   * Every passage of a harmless example is harmless too: the model learns what harmless passages look like,
   * since it reads passages alone (a danger example's passages are not all danger, so they are not added).
   */
  static train(
    examples: readonly LabelledText[],
    options: SoftmaxOptions = TRAINING,
    { passages = true }: { passages?: boolean } = {},
  ): DangerModel {
    const rows = examples.flatMap((e) => {
      const whole = { features: featuresOf(e.text), label: e.danger ? 1 : 0 };
      return e.danger || !passages
        ? [whole]
        : [whole, ...passagesOf(featuresBySentence(e.text)).map((features) => ({ features, label: 0 }))];
    });
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
    const passage = Math.max(whole, ...passagesOf(sentences).map((features) => this.score(features)));
    return { whole, passage };
  }

  private score(features: readonly string[]): number {
    const unique = [...new Set(features)];
    const known = unique.filter((f) => /^!?w:/.test(f) && this.model.knows(f)).length;
    return known < MIN_KNOWN_WORDS ? 0 : this.model.probabilities(unique)[1]!;
  }
}

/** The features of every run of PASSAGE_SENTENCES sentences, when the text is longer than one passage. */
function passagesOf(sentences: readonly (readonly string[])[]): string[][] {
  if (sentences.length <= PASSAGE_SENTENCES) return [];
  return Array.from({ length: sentences.length - PASSAGE_SENTENCES + 1 }, (_, i) => [
    ...new Set(sentences.slice(i, i + PASSAGE_SENTENCES).flat()),
  ]);
}
