import { ANXIETY_OPTION } from '../knowledge/contract';
import type { Knowledge } from '../knowledge/knowledge';
import type { Flow, FlowNode, QuestionNode } from './flow-schema';
import { termsOf } from './prefill';

/** One graph problem, naming the node (and field). */
export interface FlowProblem {
  readonly node?: string;
  readonly field?: string;
  readonly message: string;
}

const successors = (node: FlowNode): { field: string; next: string }[] => {
  switch (node.kind) {
    case 'question':
      return node.options.map((o, i) => ({ field: `options.${i}.next`, next: o.next }));
    case 'branch':
      return [
        ...node.cases.map((c, i) => ({ field: `cases.${i}.next`, next: c.next })),
        { field: 'otherwise', next: node.otherwise },
      ];
    case 'outcome':
      return [];
  }
};

/** Unique ids, targets exist, all reachable, no dead ends, no cycles, knowledge refs resolve. */
export function checkFlow(flow: Flow, knowledge: Knowledge): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const byId = new Map<string, FlowNode>();
  for (const node of flow.nodes) {
    if (byId.has(node.id)) problems.push({ node: node.id, field: 'id', message: 'Knoten-Id ist doppelt' });
    byId.set(node.id, node);
  }
  if (!byId.has(flow.start)) problems.push({ field: 'start', message: `Startknoten "${flow.start}" fehlt` });
  if (byId.get(flow.safety)?.kind !== 'outcome')
    problems.push({ field: 'safety', message: `Kinderschutz-Ergebnis "${flow.safety}" fehlt oder ist kein outcome` });
  for (const node of flow.nodes) {
    for (const { field, next } of successors(node)) {
      if (!byId.has(next)) problems.push({ node: node.id, field, message: `führt zu unbekanntem Knoten "${next}"` });
    }
    if (node.kind === 'question') {
      problems.push(...vagueKeywords(node));
      const values = node.options.map((o) => o.value);
      values
        .filter((v, i) => values.indexOf(v) !== i)
        .forEach((v) => problems.push({ node: node.id, field: 'options', message: `Option "${v}" ist doppelt` }));
    }
    problems.push(...knowledgeRefs(node, knowledge));
  }
  problems.push(...reachability(flow, byId), ...cycles(flow, byId));
  return problems;
}

/**
 * A keyword of several words that reads as one plain word ("heute zum ersten Mal" is only "erst", "noch nichts" only
 * "nicht") answers on any text with that word: "erst gestern" told the dialog that nothing was done.
 */
function vagueKeywords(node: QuestionNode): FlowProblem[] {
  return node.options.flatMap((o, i) =>
    o.keywords
      .filter((k) => k.trim().split(/\s+/).length > 1)
      .filter((k) => {
        const terms = termsOf(k).filter((t) => !/^!?\d+$/.test(t));
        return terms.length === 1 && !terms[0]!.startsWith('!');
      })
      .map((k) => ({
        node: node.id,
        field: `options.${i}.keywords`,
        message: `Stichwort „${k}“ liest sich nur als ein Wort („${termsOf(k).join(' ')}“) – genauer fassen`,
      })),
  );
}

function knowledgeRefs(node: FlowNode, knowledge: Knowledge): FlowProblem[] {
  if (node.kind === 'question')
    return node.options.flatMap((o, i) => [
      ...(o.done && !knowledge.step(o.done)
        ? [{ node: node.id, field: `options.${i}.done`, message: `unbekannter Schritt "${o.done}"` }]
        : []),
      ...o.topics
        .filter((t) => knowledge.byRef(`topic:${t}`) === undefined)
        .map((t) => ({ node: node.id, field: `options.${i}.topics`, message: `unbekanntes Thema "${t}"` })),
    ]);
  if (node.kind !== 'outcome') return [];
  const problems: FlowProblem[] = [];
  if (!knowledge.step(node.step))
    problems.push({ node: node.id, field: 'step', message: `unbekannter Schritt "${node.step}"` });
  const parts = [{ at: '', ...node }, ...node.rules.map((r, i) => ({ at: `rules.${i}.`, ...r }))];
  for (const part of parts) {
    part.agencies
      .filter((id) => !knowledge.agency(id))
      .forEach((id) =>
        problems.push({ node: node.id, field: `${part.at}agencies`, message: `unbekannte Stelle "${id}"` }),
      );
    part.forms
      .filter((id) => !knowledge.form(id))
      .forEach((id) =>
        problems.push({ node: node.id, field: `${part.at}forms`, message: `unbekannter Vordruck "${id}"` }),
      );
  }
  return problems;
}

function reachability(flow: Flow, byId: Map<string, FlowNode>): FlowProblem[] {
  const seen = new Set<string>();
  const queue = [flow.start, flow.safety].filter((id) => byId.has(id));
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = byId.get(id);
    if (node) queue.push(...successors(node).map((s) => s.next));
  }
  return flow.nodes
    .filter((n) => !seen.has(n.id))
    .map((n) => ({ node: n.id, message: 'ist weder vom Start noch vom Kinderschutz-Ergebnis aus erreichbar' }));
}

/** Depth-first search; a back edge is a cycle. Every path must end in an outcome. */
function cycles(flow: Flow, byId: Map<string, FlowNode>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    const node = byId.get(id);
    if (!node || state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      problems.push({ node: id, message: `Kreis im Ablauf: ${[...path.slice(path.indexOf(id)), id].join(' → ')}` });
      return;
    }
    state.set(id, 'open');
    for (const { next } of successors(node)) visit(next, [...path, id]);
    state.set(id, 'done');
  };
  visit(flow.start, []);
  return problems;
}

/** What the project's own flow must hold beyond a sound graph: the anxiety option the engine reads. */
export function checkFlowContract(flow: Flow): FlowProblem[] {
  const anxiety = flow.nodes.some(
    (n) =>
      n.kind === 'question' &&
      n.slot === ANXIETY_OPTION.slot &&
      n.options.some((o) => o.value === ANXIETY_OPTION.value),
  );
  return anxiety
    ? []
    : [
        {
          field: 'nodes',
          message: `Option "${ANXIETY_OPTION.value}" für "${ANXIETY_OPTION.slot}" fehlt (Angst führt nie zu Sanktionen)`,
        },
      ];
}
