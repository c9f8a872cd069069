import { loadConfig } from '../config';
import { checkKnowledgeDir } from '../core/bootstrap';
import { formatProblem } from '../knowledge/problems';
import { runCli } from './run-cli';

runCli(() => {
  const { knowledgeDir } = loadConfig();
  const { core, problems } = checkKnowledgeDir(knowledgeDir);
  if (!core) {
    process.stderr.write(`✗ ${problems.length} Problem(e) in ${knowledgeDir}:\n`);
    for (const p of problems) process.stderr.write(`  - ${formatProblem(p)}\n`);
    return 1;
  }
  const { knowledge, guide } = core;
  const counts = ['steps', 'agencies', 'forms', 'topics', 'offerings'] as const;
  process.stdout.write(
    `✓ Wissensbasis in Ordnung: ${counts.map((k) => `${knowledge[k].length} ${k}`).join(', ')}, ` +
      `${knowledge.synonyms.groups.length} Synonymgruppen, Dialog mit ${guide.flow.nodes.length} Knoten\n`,
  );
  return 0;
});
