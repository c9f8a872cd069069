import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../../src/dialog/flow-check';
import { Flow } from '../../../src/dialog/flow-schema';
import { loadKnowledgeOrThrow } from '../../../src/knowledge/loader';

const FIXTURES = resolve(__dirname, '../../fixtures');
const knowledge = loadKnowledgeOrThrow(join(FIXTURES, 'knowledge/valid'), { requireContract: false });
const flowFixture = (name: string) => parse(readFileSync(join(FIXTURES, 'flows', `${name}.yaml`), 'utf8'));
const problemsOf = (name: string) => checkFlow(Flow.parse(flowFixture(name)), knowledge);

describe('When checking a flow graph', () => {
  it('accepts a valid flow', () => {
    expect(problemsOf('valid')).toEqual([]);
  });

  it.each([
    ['unreachable', { node: 'vergessen', message: expect.stringMatching(/erreichbar/) }],
    ['dangling', { node: 'frage', field: 'options.0.next', message: expect.stringMatching(/gibt-es-nicht/) }],
    ['cycle', { message: expect.stringMatching(/Kreis im Ablauf: frage → weiche → frage/) }],
    ['no-safety', { field: 'safety', message: expect.stringMatching(/kein outcome/) }],
  ])('finds %s', (name, problem) => {
    expect(problemsOf(name)).toContainEqual(expect.objectContaining(problem));
  });

  it('names every unknown step, agency and form at once', () => {
    const fields = problemsOf('unknown-refs').map((p) => `${p.node}:${p.field}`);
    expect(fields).toEqual(expect.arrayContaining(['ende:step', 'ende:agencies', 'ende:forms']));
  });

  it('rejects a question with a single option by schema', () => {
    const result = Flow.safeParse(flowFixture('one-option'));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe('nodes.0.options');
  });
});
