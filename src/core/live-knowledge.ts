import { filesFromRecord, filesToRecord, type KnowledgeFiles } from '../knowledge/knowledge-files';
import { formatProblem, type Problem } from '../knowledge/problems';
import type { KnowledgeVersionStore } from './knowledge-versions';
import { AppError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import type { Core } from './bootstrap';

/** The knowledge an instance serves now: its version number, the YAML files and what was built from them. */
export interface LiveVersion {
  readonly version: number;
  readonly files: KnowledgeFiles;
  readonly core: Core;
}

export type CheckFiles = (files: KnowledgeFiles) => { core?: Core; problems: readonly Problem[] };

/** The author of versions taken from the repository's knowledge/ folder. */
export const REPOSITORY_AUTHOR = 'repository';

const sameFiles = (a: KnowledgeFiles, b: Readonly<Record<string, string>>) =>
  JSON.stringify(filesToRecord(a)) === JSON.stringify(b);

/**
 * The version to start on. A fresh store gets the repository's knowledge/ as version 1. Published versions
 * win over the folder; while nobody has published, a changed folder (a deployment) becomes the next version.
 */
export async function startingVersion(o: {
  store: KnowledgeVersionStore;
  repository: { files: KnowledgeFiles; core: Core };
  check: CheckFiles;
  logger: Logger;
  now?: () => number;
}): Promise<LiveVersion> {
  const { store, repository, logger } = o;
  const now = o.now ?? Date.now;
  const fromRepository = async (version: number, summary: string): Promise<LiveVersion> => {
    const added = await store.add({
      version,
      author: REPOSITORY_AUTHOR,
      at: now(),
      summary,
      files: filesToRecord(repository.files),
    });
    // Another instance started at the same moment and wrote it: start on the store's state instead.
    if (!added) return startingVersion(o);
    logger.info({ intent: 'knowledge', version }, 'knowledge version taken from the repository');
    return { version, ...repository };
  };
  const latest = await store.latest();
  if (latest === undefined) return fromRepository(1, 'Wissensbasis aus knowledge/ (Repository)');
  const stored = await store.get(latest);
  if (!stored) throw new AppError('KNOWLEDGE_INVALID', `Wissensversion ${latest} fehlt im Speicher`);
  if (sameFiles(repository.files, stored.files)) return { version: latest, ...repository };
  if (stored.author === REPOSITORY_AUTHOR) {
    return fromRepository(latest + 1, 'knowledge/ im Repository geändert (neue Bereitstellung)');
  }
  logger.warn(
    { intent: 'knowledge', version: latest },
    'knowledge/ in the repository differs from the published version, which wins (npm run knowledge:reset takes the folder)',
  );
  const files = filesFromRecord(stored.files);
  const { core, problems } = o.check(files);
  if (!core) {
    throw new AppError(
      'KNOWLEDGE_INVALID',
      `Wissensversion ${latest} aus dem Speicher ist ungültig (${problems.length} Probleme); ` +
        '`npm run knowledge:reset` stellt knowledge/ aus dem Repository wieder her',
      problems.map(formatProblem),
    );
  }
  return { version: latest, files, core };
}

/**
 * Follows the store: every `intervalMs` it asks for the newest version number and switches to a newer one
 * (publish and rollback both make a new number). A version that fails the check is logged and skipped.
 */
export function liveKnowledge(o: {
  store: KnowledgeVersionStore;
  initial: LiveVersion;
  check: CheckFiles;
  logger: Logger;
  intervalMs: number;
  onSwitch?: (live: LiveVersion) => void;
}) {
  let current = o.initial;
  let skipped = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function follow(): Promise<void> {
    const latest = await o.store.latest();
    if (latest === undefined || latest <= current.version || latest === skipped) return;
    const stored = await o.store.get(latest);
    if (!stored) return;
    const files = filesFromRecord(stored.files);
    const { core, problems } = o.check(files);
    if (!core) {
      skipped = latest;
      o.logger.error(
        { intent: 'knowledge', version: latest, problems: problems.map(formatProblem) },
        'published knowledge version is invalid here; staying on the current one',
      );
      return;
    }
    current = { version: latest, files, core };
    o.logger.info({ intent: 'knowledge', version: latest, author: stored.author }, 'knowledge version switched');
    o.onSwitch?.(current);
  }

  /** One check now (also what the timer runs); concurrent calls share it. */
  const refresh = (): Promise<void> =>
    (running ??= follow()
      .catch((err: unknown) =>
        o.logger.warn({ intent: 'knowledge', err: (err as Error).message }, 'knowledge version check failed'),
      )
      .finally(() => (running = undefined)));

  return {
    current: (): LiveVersion => current,
    refresh,
    start(): void {
      timer ??= setInterval(() => void refresh(), o.intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type LiveKnowledge = ReturnType<typeof liveKnowledge>;
