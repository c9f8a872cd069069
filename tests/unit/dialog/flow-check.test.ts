import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkFlow, checkFlowContract } from '../../../src/dialog/flow-check';
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

  it('names a keyword of several words that reads as one plain word ("heute zum ersten Mal" is only "erst")', () => {
    const flow = flowFixture('valid');
    const question = flow.nodes.find((n: { kind: string }) => n.kind === 'question');
    question.options[0].keywords = ['heute zum ersten Mal', 'ohne Entschuldigung', 'unter 14', 'Eltern angerufen'];
    const vague = checkFlow(Flow.parse(flow), knowledge).filter((p) => /liest sich nur als ein Wort/.test(p.message));
    expect(vague).toEqual([
      expect.objectContaining({
        node: question.id,
        field: 'options.0.keywords',
        message: expect.stringMatching(/erst/),
      }),
    ]);
  });

  it('requires of the project flow the anxiety option that keeps sanctions away from anxious pupils', () => {
    expect(checkFlowContract(Flow.parse(flowFixture('valid')))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/Option "angst" für "situation" fehlt/) }),
    ]);
    const real = parse(readFileSync(resolve(__dirname, '../../../knowledge/flow.yaml'), 'utf8'));
    expect(checkFlowContract(Flow.parse(real))).toEqual([]);
  });

  it('names every unknown step, topic, agency and form at once', () => {
    const fields = problemsOf('unknown-refs').map((p) => `${p.node}:${p.field}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'frage:options.0.done',
        'frage:options.1.topics',
        'ende:step',
        'ende:agencies',
        'ende:forms',
      ]),
    );
  });

  it('rejects a question with a single option by schema', () => {
    const result = Flow.safeParse(flowFixture('one-option'));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe('nodes.0.options');
  });
});

describe('a note split at its commas by a YAML [ ] list is refused', () => {
  it('names the fragments, and accepts the quoted note', async () => {
    const { parse } = await import('yaml');
    const { OutcomeNode } = await import('../../../src/dialog/flow-schema');
    const node = (notes: string) =>
      OutcomeNode.safeParse(parse(`{ kind: outcome, id: ende, step: anhoerung, notes: ${notes} }`));
    const split = node('[Hören Sie den Betrieb an (100, mit Anhörungsbogen 040) an.]');
    expect(split.success).toBe(false);
    expect(split.error?.issues.map((i) => i.message).join('\n')).toMatch(/kein ganzer Satz.*Betrieb an \(100/);
    expect(node('["Hören Sie den Betrieb an (100, mit Anhörungsbogen 040)."]').success).toBe(true);
  });
});
