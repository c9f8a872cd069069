import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors';

/**
 * The YAML files of knowledge/ by name ("steps.yaml" → text): what a published version holds.
 * The child-protection examples (safety-examples/) are not part of it; they stay in the folder.
 */
export type KnowledgeFiles = ReadonlyMap<string, string>;

export const isKnowledgeFileName = (name: string): boolean => /^[a-z][a-z0-9-]*\.ya?ml$/.test(name);

export function readKnowledgeFiles(dir: string): KnowledgeFiles {
  if (!existsSync(dir)) throw new AppError('KNOWLEDGE_INVALID', `Wissensordner ${dir} fehlt (KNOWLEDGE_DIR)`);
  const names = readdirSync(dir).filter(isKnowledgeFileName).sort();
  return new Map(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

export const filesFromRecord = (record: Readonly<Record<string, string>>): KnowledgeFiles =>
  new Map(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

export const filesToRecord = (files: KnowledgeFiles): Record<string, string> => Object.fromEntries(files);
