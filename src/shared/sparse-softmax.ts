/**
 * Multinomial logistic regression over sparse binary features (strings), trained with AdaGrad.
 * Small, deterministic (seeded shuffle) and fast enough to train at start-up on a few thousand examples.
 */
export interface SoftmaxOptions {
  readonly epochs: number;
  /** L2 penalty per update. */
  readonly l2: number;
  readonly learningRate: number;
}

export interface SoftmaxRow {
  readonly features: readonly string[];
  readonly label: number;
}

/** A seeded shuffle, so the same examples always give the same model. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function softmaxInPlace(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += z[k] = Math.exp(z[k]! - max);
  for (let k = 0; k < z.length; k++) z[k]! /= sum;
  return z;
}

export class SparseSoftmax {
  private constructor(
    private readonly ids: ReadonlyMap<string, number>,
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
    readonly classes: number,
  ) {}

  /** Every class weighs the same in total, whatever the number of its examples. */
  static train(rows: readonly SoftmaxRow[], classes: number, options: SoftmaxOptions): SparseSoftmax {
    const ids = new Map<string, number>();
    const idOf = (f: string) => ids.get(f) ?? ids.set(f, ids.size).get(f)!;
    const encoded = rows.map((r) => ({ x: Int32Array.from(r.features, idOf), y: r.label }));
    const counts = new Float64Array(classes);
    for (const r of encoded) counts[r.y]! += 1;
    const classWeight = Array.from(counts, (c) => (c > 0 ? encoded.length / (classes * c) : 0));
    const w = new Float64Array(ids.size * classes);
    const g2 = new Float64Array(ids.size * classes).fill(1e-8);
    const bias = new Float64Array(classes);
    const biasG2 = new Float64Array(classes).fill(1e-8);
    const z = new Float64Array(classes);
    const { learningRate: lr, l2 } = options;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (const { x, y } of shuffled(encoded, epoch + 1)) {
        z.set(bias);
        for (const f of x) for (let k = 0; k < classes; k++) z[k]! += w[f * classes + k]!;
        softmaxInPlace(z);
        for (let k = 0; k < classes; k++) {
          const grad = (z[k]! - (k === y ? 1 : 0)) * classWeight[y]!;
          for (const f of x) {
            const i = f * classes + k;
            const g = grad + l2 * w[i]!;
            g2[i]! += g * g;
            w[i]! -= (lr * g) / Math.sqrt(g2[i]!);
          }
          biasG2[k]! += grad * grad;
          bias[k]! -= (lr * grad) / Math.sqrt(biasG2[k]!);
        }
      }
    }
    return new SparseSoftmax(ids, w, bias, classes);
  }

  /** Whether training saw this feature. */
  knows(feature: string): boolean {
    return this.ids.has(feature);
  }

  /** Class probabilities for a text's features (unknown features are ignored). */
  probabilities(features: readonly string[]): Float64Array {
    const z = Float64Array.from(this.bias);
    for (const f of features) {
      const id = this.ids.get(f);
      if (id === undefined) continue;
      for (let k = 0; k < this.classes; k++) z[k]! += this.weights[id * this.classes + k]!;
    }
    return softmaxInPlace(z);
  }
}
