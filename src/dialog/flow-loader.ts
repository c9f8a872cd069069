import type { Knowledge } from '../knowledge/knowledge';
import type { Problem } from '../knowledge/problems';
import type { KnowledgeFiles } from '../knowledge/knowledge-files';
import { parseYamlText } from '../knowledge/yaml-file';
import { checkFlow, checkFlowContract } from './flow-check';
import { Flow } from './flow-schema';

export const FLOW_FILE = 'flow.yaml';

/** Reads knowledge/flow.yaml, validates it (zod) and checks the graph against the knowledge. */
export function loadFlow(files: KnowledgeFiles, knowledge: Knowledge): { flow?: Flow; problems: Problem[] } {
  const text = files.get(FLOW_FILE);
  if (text === undefined) return { problems: [{ file: FLOW_FILE, message: 'Datei fehlt' }] };
  const file = parseYamlText(FLOW_FILE, text);
  if (file.errors.length) return { problems: file.errors.map((message) => ({ file: FLOW_FILE, message })) };

  const parsed = Flow.safeParse(file.data);
  const rawNodes = ((file.data as { nodes?: { id?: unknown }[] } | undefined)?.nodes ?? []) as { id?: unknown }[];
  const nodeLabel = (index: unknown) => {
    const id = typeof index === 'number' ? rawNodes[index]?.id : undefined;
    return typeof id === 'string' ? id : undefined;
  };
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => ({
        file: FLOW_FILE,
        entry: i.path[0] === 'nodes' ? nodeLabel(i.path[1]) : undefined,
        field: i.path.slice(i.path[0] === 'nodes' ? 2 : 0).join('.') || undefined,
        line: file.lineOf(i.path),
        message: i.message,
      })),
    };
  }
  const problems = [...checkFlow(parsed.data, knowledge), ...checkFlowContract(parsed.data)].map((p) => {
    const index = rawNodes.findIndex((n) => n.id === p.node);
    const at =
      index >= 0
        ? ['nodes', index, ...(p.field?.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)) ?? [])]
        : [p.field ?? 'start'];
    return { file: FLOW_FILE, entry: p.node, field: p.field, line: file.lineOf(at), message: p.message };
  });
  return problems.length ? { problems } : { flow: parsed.data, problems };
}
