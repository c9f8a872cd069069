import { CHILD_PROTECTION_STEP } from '../knowledge/contract';
import type { Knowledge } from '../knowledge/knowledge';
import type { Problem } from '../knowledge/problems';
import type { LabelledText } from './danger-model';
import { DangerModel } from './danger-model';
import { createSafetyDetector, type SafetyDetector } from './detector';
import { readSafetyExamples } from './examples-file';
import { trainedModels } from '../shared/trained-models';

const dangerModelFor = trainedModels(
  (examples: readonly LabelledText[]) => DangerModel.train(examples),
  (e) => `${e.danger ? 1 : 0}${e.text}`,
);

/**
 * Rules plus a model learned from knowledge/safety-examples/ and, as harmless examples, the ways teachers
 * ask for every entry outside child protection (trained at start-up, a few seconds).
 */
export function learnedSafetyDetector(
  knowledgeDir: string,
  knowledge: Knowledge,
): { detect?: SafetyDetector; problems: readonly Problem[] } {
  const read = readSafetyExamples(knowledgeDir);
  if (read.problems.length > 0) return { problems: read.problems };
  const examples = [...read.examples, ...everydayQuestions(knowledge)];
  return { detect: createSafetyDetector(dangerModelFor(examples)), problems: [] };
}

/** The knowledge base's own example questions, outside child protection: what ordinary messages look like. */
function everydayQuestions(knowledge: Knowledge): LabelledText[] {
  return knowledge.entries
    .filter((e) => !(e.kind === 'step' && e.id === CHILD_PROTECTION_STEP) && !(e.kind === 'agency' && e.emergency))
    .flatMap((e) => [e.title, ...e.questions])
    .map((text) => ({ text, danger: false }));
}
