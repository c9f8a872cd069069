import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../../src/knowledge/knowledge';
import { Entry } from '../../../src/knowledge/schema';
import { createAnswerEngine } from '../../../src/search/engine';
import { learnedScopeModel, ScopeModel } from '../../../src/search/scope-model';
import { checkKnowledgeDir } from '../../../src/core/bootstrap';
import { realCore } from '../../support/bot-harness';

const EXAMPLES = [
  ...[
    'Ein Schüler fehlt seit Wochen unentschuldigt, was tun?',
    'Die Schülerin kommt nicht zum Unterricht, wen rufe ich an?',
    'Welcher Vordruck für die Anhörung der Eltern?',
    'Der Junge schwänzt, die Eltern reagieren nicht.',
  ].map((text) => ({ text, outside: false })),
  ...[
    'Mein Mitarbeiter kommt nicht zur Arbeit, kann ich kündigen?',
    'Wie viele Urlaubstage habe ich als Lehrerin?',
    'Mein Chef will eine Abmahnung schreiben, was tun?',
    'Kann ich als Arbeitgeber in der Probezeit kündigen?',
  ].map((text) => ({ text, outside: true })),
];

describe('learned scope model', () => {
  const model = ScopeModel.train(EXAMPLES);

  it('reads whose matter a question is in wordings it has not seen', () => {
    expect(model.outside('Darf ich meinem Mitarbeiter in der Probezeit kündigen?')).toBeGreaterThan(0.5);
    expect(model.outside('Der Schüler fehlt unentschuldigt, welcher Vordruck?')).toBeLessThan(0.5);
  });
  it('has no opinion on a text with fewer than two known words', () => {
    expect(model.outside('Gelbfieber')).toBe(0.5);
  });
});

describe('the engine and the scope model', () => {
  const topic = Entry.parse({
    kind: 'topic',
    id: 'fortbildung',
    title: 'Fortbildung für Beratungslehrkräfte',
    short_title: 'Fortbildung',
    summary: 'Termine und Anmeldung der Fortbildung.',
    keywords: ['Fortbildung'],
    sources: ['https://example.org/a'],
    scope: 'nrw',
    as_of: '2024',
  });
  const knowledge = buildKnowledge([topic], { groups: [] });
  const engineWith = (outside: number) => createAnswerEngine(knowledge, undefined, { outside: () => outside });
  const question = 'Fortbildung für Beratungslehrkräfte';
  const strangeWords = 'Fortbildung Quarkspeise Zimtschnecke Wolkenkuckucksheim Baggersee Nordwind';

  it('a sure "outside" makes the question someone else’s matter', () => {
    expect(engineWith(0.5).ask('Wann ist die nächste Fortbildung?').reason).not.toBe('out-of-scope');
    expect(engineWith(0.9).ask('Wann ist die nächste Fortbildung?').reason).toBe('out-of-scope');
  });
  it('does not overrule a question that names an entry’s own subject', () => {
    expect(engineWith(0.9).ask(question).candidates[0]!.score).toBeGreaterThan(0.6);
    expect(engineWith(0.9).ask(question).reason).not.toBe('out-of-scope');
    expect(engineWith(0.9).ask('Fortbildung Zimtschnecke Baggersee').reason).toBe('out-of-scope');
  });
  it('a sure "inside" vouches for a question whose words are mostly unknown', () => {
    expect(engineWith(0.5).ask(strangeWords).reason).toBe('low-coverage');
    expect(engineWith(0.01).ask(strangeWords).reason).not.toBe('low-coverage');
  });
  it('the real model, trained on knowledge/scope-examples, keeps the knowledge base’s own questions inside', () => {
    const core = realCore();
    const model = learnedScopeModel(resolveKnowledge(), core.knowledge).model!;
    const own = core.knowledge.entries.flatMap((e) => e.questions);
    const outside = own.filter((q) => model.outside(q) >= 0.75);
    expect(outside.length / own.length).toBeLessThan(0.02);
  });
});

describe('scope examples in knowledge/', () => {
  it('a bad line fails the knowledge check, naming file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scope-examples-'));
    const real = resolveKnowledge();
    // Everything else from the real knowledge base, only the scope examples broken.
    for (const f of [
      'steps.yaml',
      'agencies.yaml',
      'forms.yaml',
      'topics.yaml',
      'offerings.yaml',
      'synonyms.yaml',
      'flow.yaml',
      'sources.yaml',
    ])
      writeFileSync(join(dir, f), readFileSync(join(real, f)));
    mkdirSync(join(dir, 'safety-examples'));
    writeFileSync(
      join(dir, 'safety-examples', 'a.jsonl'),
      '{"q":"Er hat Hunger.","safety":"danger"}\n{"q":"Wie geht es?","safety":"harmless"}\n',
    );
    mkdirSync(join(dir, 'scope-examples'));
    writeFileSync(
      join(dir, 'scope-examples', 'a.jsonl'),
      '{"q":"Mein Chef?","scope":"out"}\n{"q":"x","scope":"maybe"}\n',
    );
    const { core, problems } = checkKnowledgeDir(dir);
    expect(core).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ file: 'scope-examples/a.jsonl', line: 2 }));
  });
});

function resolveKnowledge(): string {
  return join(__dirname, '../../../knowledge');
}
