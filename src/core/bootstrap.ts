import type { Config } from '../config';
import { loadKnowledgeOrThrow } from '../knowledge/loader';
import type { Knowledge } from '../knowledge/knowledge';
import { createAnswerEngine, type AnswerEngine } from '../search/engine';

export interface Core {
  readonly knowledge: Knowledge;
  readonly engine: AnswerEngine;
}

/** Knowledge + engine: what the bot, the CLI and the eval share. Throws on invalid knowledge. */
export function loadCore(config: Pick<Config, 'knowledgeDir'>): Core {
  const knowledge = loadKnowledgeOrThrow(config.knowledgeDir);
  return { knowledge, engine: createAnswerEngine(knowledge) };
}
