import type { Config } from '../config';
import { createFlowEngine, type FlowEngine } from '../dialog/flow-engine';
import { loadFlow } from '../dialog/flow-loader';
import { createAnswerReader, type AnswerReader } from '../dialog/prefill';
import { readKnowledgeFiles, type KnowledgeFiles } from '../knowledge/knowledge-files';
import { loadKnowledgeFiles } from '../knowledge/loader';
import type { Knowledge } from '../knowledge/knowledge';
import { formatProblem, type Problem } from '../knowledge/problems';
import { ANXIETY_OPTION } from '../knowledge/contract';
import { createAnswerEngine, type AnswerEngine } from '../search/engine';
import { learnedScopeModel } from '../search/scope-model';
import { compileGroups } from '../search/synonyms';
import { learnedSafetyDetector } from '../safety/learned-detector';
import { AppError } from '../shared/errors';

export interface Core {
  readonly knowledge: Knowledge;
  readonly engine: AnswerEngine;
  readonly guide: FlowEngine;
  readonly reader: AnswerReader;
}

/** Every problem in knowledge/ (entries, synonyms, flow), all at once. */
export const checkKnowledgeDir = (dir: string): { core?: Core; problems: Problem[] } =>
  checkKnowledge(readKnowledgeFiles(dir), dir);

/**
 * The same check for one version's YAML files (a draft, a published version); the learned models' examples
 * come from `examplesDir`/safety-examples and `examplesDir`/scope-examples.
 */
export function checkKnowledge(files: KnowledgeFiles, examplesDir: string): { core?: Core; problems: Problem[] } {
  const { knowledge, problems } = loadKnowledgeFiles(files);
  if (!knowledge) return { problems: [...problems] };
  const { flow, problems: flowProblems } = loadFlow(files, knowledge);
  const safety = learnedSafetyDetector(examplesDir, knowledge);
  const scope = learnedScopeModel(examplesDir, knowledge);
  if (!flow || !safety.detect || !scope.model)
    return { problems: [...flowProblems, ...safety.problems, ...scope.problems] };
  const scopeModel = scope.model;
  const guide = createFlowEngine(flow);
  // One case reading for answers and the guided dialog: the same keywords, synonyms and negation.
  const reader = createAnswerReader(guide.questions, {
    synonyms: compileGroups(knowledge.synonyms.groups),
    literalSlots: flow.opens_on,
  });
  const engine = createAnswerEngine(knowledge, safety.detect, {
    anxious: (text) => reader.says(text, ANXIETY_OPTION.slot, ANXIETY_OPTION.value),
    outside: (text) => scopeModel.outside(text),
    nextAfter: memoized((step) => guide.stepAfter(step)),
  });
  return { core: { knowledge, engine, guide, reader }, problems: [] };
}

/** One answer per key, worked out once: the flow does not change under a core. */
function memoized<T>(work: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) known.set(key, work(key));
    return known.get(key)!;
  };
}

/** Knowledge + engines: what the bot, the CLI and the eval share. Throws on invalid knowledge. */
export function loadCore(config: Pick<Config, 'knowledgeDir'>): Core {
  const { core, problems } = checkKnowledgeDir(config.knowledgeDir);
  if (!core) {
    throw new AppError(
      'KNOWLEDGE_INVALID',
      `Wissensbasis in ${config.knowledgeDir} ist ungültig (${problems.length} Probleme)`,
      problems.map(formatProblem),
    );
  }
  return core;
}
