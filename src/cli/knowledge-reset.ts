import { loadConfig } from '../config';
import { checkKnowledgeDir } from '../core/bootstrap';
import { REPOSITORY_AUTHOR } from '../core/live-knowledge';
import { filesToRecord, readKnowledgeFiles } from '../knowledge/knowledge-files';
import { formatProblem } from '../knowledge/problems';
import { createStores } from '../storage/create-stores';
import { runCli } from './run-cli';

/**
 * Operators: publish the repository's knowledge/ as the newest version (history stays; every running instance
 * switches to it within KNOWLEDGE_POLL_SECONDS). The way back after git and the store went apart.
 */
runCli(async () => {
  const config = loadConfig();
  const { core, problems } = checkKnowledgeDir(config.knowledgeDir);
  if (!core) {
    process.stderr.write(`✗ ${problems.length} Problem(e) in ${config.knowledgeDir}:\n`);
    for (const p of problems) process.stderr.write(`  - ${formatProblem(p)}\n`);
    return 1;
  }
  const stores = await createStores(config);
  try {
    const files = filesToRecord(readKnowledgeFiles(config.knowledgeDir));
    for (let attempt = 0; attempt < 5; attempt++) {
      const version = ((await stores.knowledge.latest()) ?? 0) + 1;
      const summary = 'Zurückgesetzt auf knowledge/ des Repositorys';
      if (await stores.knowledge.add({ version, author: REPOSITORY_AUTHOR, at: Date.now(), summary, files })) {
        await stores.knowledge.saveDraft(undefined, (await stores.knowledge.draft())?.tag);
        process.stdout.write(`✓ knowledge/ ist jetzt Version ${version}; der Entwurf wurde verworfen.\n`);
        return 0;
      }
    }
    process.stderr.write('✗ Versionsnummer fünfmal vergeben – bitte erneut versuchen.\n');
    return 1;
  } finally {
    await stores.close();
  }
});
