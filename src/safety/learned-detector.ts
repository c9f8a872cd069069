import { createHash } from 'node:crypto';
import type { Problem } from '../knowledge/problems';
import { DangerModel } from './danger-model';
import { createSafetyDetector, type SafetyDetector } from './detector';
import { readSafetyExamples } from './examples-file';

/** Trained models by their examples: tests and tools load the same knowledge many times. */
const trained = new Map<string, DangerModel>();

/** Rules plus a model learned from knowledge/safety-examples/ (trained at start-up, about a second). */
export function learnedSafetyDetector(knowledgeDir: string): { detect?: SafetyDetector; problems: readonly Problem[] } {
  const { examples, problems } = readSafetyExamples(knowledgeDir);
  if (problems.length > 0) return { problems };
  const key = createHash('sha256')
    .update(examples.map((e) => `${e.danger ? 1 : 0}${e.text}`).join('\n'))
    .digest('hex');
  let model = trained.get(key);
  if (!model) {
    model = DangerModel.train(examples);
    trained.set(key, model);
  }
  return { detect: createSafetyDetector(model), problems: [] };
}
