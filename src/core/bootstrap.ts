import type { Config } from '../config';
import { createFlowEngine, type FlowEngine } from '../dialog/flow-engine';
import { loadFlow } from '../dialog/flow-loader';
import { createAnswerReader, type AnswerReader } from '../dialog/prefill';
import { loadKnowledgeDir } from '../knowledge/loader';
import type { Knowledge } from '../knowledge/knowledge';
import { formatProblem, type Problem } from '../knowledge/problems';
import { createAnswerEngine, type AnswerEngine } from '../search/engine';
import { AppError } from '../shared/errors';

export interface Core {
  readonly knowledge: Knowledge;
  readonly engine: AnswerEngine;
  readonly guide: FlowEngine;
  readonly reader: AnswerReader;
}

/** Every problem in knowledge/ (entries, synonyms, flow), all at once. */
export function checkKnowledgeDir(dir: string): { core?: Core; problems: Problem[] } {
  const { knowledge, problems } = loadKnowledgeDir(dir);
  if (!knowledge) return { problems: [...problems] };
  const { flow, problems: flowProblems } = loadFlow(dir, knowledge);
  if (!flow) return { problems: flowProblems };
  const guide = createFlowEngine(flow);
  return {
    core: { knowledge, engine: createAnswerEngine(knowledge), guide, reader: createAnswerReader(guide.questions) },
    problems: [],
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
