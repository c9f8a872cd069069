import { loadConfig } from '../config';
import { loadKnowledgeDir } from '../knowledge/loader';
import { formatProblem } from '../knowledge/problems';
import { runCli } from './run-cli';

runCli(() => {
  const { knowledgeDir } = loadConfig();
  const { knowledge, problems } = loadKnowledgeDir(knowledgeDir);
  if (!knowledge) {
    process.stderr.write(`✗ ${problems.length} Problem(e) in ${knowledgeDir}:\n`);
    for (const p of problems) process.stderr.write(`  - ${formatProblem(p)}\n`);
    return 1;
  }
  const counts = ['steps', 'agencies', 'forms', 'topics', 'offerings'] as const;
  process.stdout.write(
    `✓ Wissensbasis in Ordnung: ${counts.map((k) => `${knowledge[k].length} ${k}`).join(', ')}, ${knowledge.synonyms.groups.length} Synonymgruppen\n`,
  );
  return 0;
});
