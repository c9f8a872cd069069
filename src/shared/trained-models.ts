import { createHash } from 'node:crypto';

/** Trained models kept per set of examples: each published knowledge version with changed examples trains anew. */
const MAX_TRAINED = 8;

/**
 * A cache of models by their training examples (tests and tools load the same knowledge many times);
 * only the last few are kept.
 */
export function trainedModels<E, M>(train: (examples: readonly E[]) => M, line: (example: E) => string) {
  const trained = new Map<string, M>();
  return (examples: readonly E[]): M => {
    const key = createHash('sha256').update(examples.map(line).join('\n')).digest('hex');
    let model = trained.get(key);
    if (!model) {
      model = train(examples);
      trained.set(key, model);
      for (const oldest of trained.keys()) if (trained.size > MAX_TRAINED) trained.delete(oldest);
    }
    return model;
  };
}
