import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DangerModel } from '../../../src/safety/danger-model';
import { createSafetyDetector, readRules } from '../../../src/safety/detector';
import { readSafetyExamples } from '../../../src/safety/examples-file';
import { featuresOf } from '../../../src/safety/features';

/** A toy world: the model must learn a sign the rules do not name ("wühlt im Müll nach Resten"). */
const SIGN = 'Der Junge wühlt morgens im Müll nach Resten.';
const EXAMPLES = [
  ...[
    'Sie wühlt im Müll nach Resten.',
    'Er wühlt in den Mülleimern der Schule nach Resten.',
    'Wir haben gesehen, wie sie im Müll wühlt.',
    'Er sammelt Reste aus dem Müll.',
  ].map((text) => ({ text, danger: true })),
  ...[
    'Er fehlt oft montags, was mache ich?',
    'Wie schreibe ich die Versäumnisanzeige?',
    'Die Eltern haben die Entschuldigung zu spät abgegeben.',
    'Ab wann darf ich ein Attest verlangen?',
  ].map((text) => ({ text, danger: false })),
];

describe('learned danger model', () => {
  const model = DangerModel.train(EXAMPLES);

  it('learns a danger sign no rule names, and keeps ordinary absence low', () => {
    expect(readRules(SIGN).level).toBe('none');
    expect(model.probability(SIGN)).toBeGreaterThan(0.5);
    expect(model.probability('Er fehlt oft, ab wann brauche ich ein Attest?')).toBeLessThan(0.5);
  });

  it('gives the same model for the same examples (seeded training)', () => {
    const again = DangerModel.train(EXAMPLES);
    const text = SIGN;
    expect(again.probability(text)).toBe(model.probability(text));
  });

  it('reads the most alarming passage of a long story about absence', () => {
    const story = [
      'Er fehlt oft montags.',
      'Die Eltern haben die Entschuldigung zu spät abgegeben.',
      SIGN,
      'Wie schreibe ich die Versäumnisanzeige?',
      'Ab wann darf ich ein Attest verlangen?',
    ].join(' ');
    const reading = model.read(story);
    expect(reading.passage).toBeGreaterThan(reading.whole);
    expect(reading.passage).toBeGreaterThan(0.5);
    expect(
      model.read('Er fehlt oft montags. Wie schreibe ich die Versäumnisanzeige? Ab wann ein Attest?').passage,
    ).toBeLessThan(0.5);
  });

  it('learns from the passages of harmless stories: a passage that only sounds alarming stays low', () => {
    // Harmless: the alarming-sounding sentence is explained by the story around it.
    const harmless = (n: number) =>
      `Die Familie ist zuverlässig und bemüht. Er wühlt im Müll nach Resten ${n}. Das ist ein Projekt im Kunstunterricht. Er macht gern mit.`;
    const examples = [...EXAMPLES, ...[1, 2, 3, 4].map((n) => ({ text: harmless(n), danger: false }))];
    const story = harmless(9);
    const withPassages = DangerModel.train(examples).read(story).passage;
    const wholeOnly = DangerModel.train(examples, undefined, { passages: false }).read(story).passage;
    expect(withPassages).toBeLessThan(wholeOnly);
  });

  it('reads a short text as a whole: its passage is the text', () => {
    const reading = model.read(SIGN);
    expect(reading.passage).toBe(reading.whole);
  });

  it('reads the groups that name a harm, not the who, where and when of a story', () => {
    expect(featuresOf('Er hat Striemen auf dem Rücken.')).toContain('g:STRONG_MARK');
    expect(featuresOf('Sie hat Hunger.')).toContain('g:HUNGER');
    const everyday = featuresOf('Der Vater sagt, er muss abends zuhause bleiben, ein älterer Mann holt ihn wieder ab.');
    expect(everyday.filter((f) => f.startsWith('g:'))).toEqual([]);
  });

  it('marks words a negation stands just before', () => {
    expect(featuresOf('Er hat keinen Hunger.')).toContain('!w:hung');
    expect(featuresOf('Er hat Hunger.')).toContain('w:hung');
    // A break ends the negation's reach.
    expect(featuresOf('Nicht sicher, aber Hunger hat er.')).toContain('w:hung');
  });
});

describe('rules and model together', () => {
  const model = DangerModel.train(EXAMPLES);
  const detect = createSafetyDetector(model, { clear: 0.5, weak: 0.2, passage: 0.5, silent: 0.05 });

  it('in a message with context, a clear rule leads unless the model sees no sign at all', () => {
    const story = 'Er fehlt seit Montag, die Mutter ruft nicht zurück. Der Vater schlägt ihn, er hat blaue Flecken.';
    expect(createSafetyDetector(model, { clear: 0.5, weak: 0, passage: 0.5, silent: 0 })(story).level).toBe('clear');
    expect(createSafetyDetector(model, { clear: 1.01, weak: 1.01, passage: 1.01, silent: 1.01 })(story)).toEqual({
      level: 'weak',
      categories: ['physical', 'injury'],
    });
  });
  it("in a short message the rule's words are the message: a clear rule leads whatever the model says", () => {
    const blind = createSafetyDetector(model, { clear: 1.01, weak: 1.01, passage: 1.01, silent: 1.01 });
    expect(blind('Der Vater schlägt ihn, er hat blaue Flecken.').level).toBe('clear');
    expect(blind('Jugendlicher äußert Suizidgedanken').level).toBe('clear');
  });
  it('the model alone leads with child protection above the clear threshold', () => {
    expect(detect(SIGN)).toEqual({ level: 'clear', categories: ['general'] });
  });
  it('the model alone names no one (a text about nobody) is a weak sign, not a lead', () => {
    const nobody = 'Morgens wühlt man im Müll nach Resten.';
    expect(model.read(nobody).whole).toBeGreaterThan(0.5);
    expect(detect(nobody).level).toBe('weak');
    // "sein" as the verb ("muss eingetragen sein") names no one either.
    expect(detect('Morgens wühlt man im Müll nach Resten, das soll wohl so sein.').level).toBe('weak');
  });
  it('the writer alone ("ich", "mich") is no one at risk: a weak sign, not a lead', () => {
    const writer = 'Ich sah: Morgens wühlt man im Müll nach Resten.';
    expect(model.read(writer).whole).toBeGreaterThan(0.5);
    expect(detect(writer).level).toBe('weak');
    expect(detect('Er sah: Morgens wühlt man im Müll nach Resten.').level).toBe('clear');
  });
  it('a sign the text tells was checked and fine shows the line unless the model reads danger or something doubts it', () => {
    // The model sees a little everywhere (above the silent bar) and below its weak threshold: only the check decides.
    const calm = createSafetyDetector(model, { clear: 1.01, weak: 1.01, passage: 1.01, silent: 0 });
    const checked =
      'Die beiden sind nach der Schule zwei Stunden allein eingesperrt. Das ist mit der Nachbarin abgesprochen.';
    expect(calm(checked).level).toBe('weak');
    expect(calm(checked.replace('abgesprochen', 'besprochen')).level).toBe('clear');
    expect(calm(`${checked} Angeblich schaut sie nach ihnen.`).level).toBe('clear');
    const alarmed = createSafetyDetector(model, { clear: 1.01, weak: 0, passage: 1.01, silent: 0 });
    expect(alarmed(checked).level).toBe('clear');
  });

  it('an ordinary question stays without a signal', () => {
    expect(detect('Wie schreibe ich die Versäumnisanzeige?').level).toBe('none');
  });
  it('one alarming passage leads above the passage threshold, and shows the line below it', () => {
    const story = `Er fehlt oft montags. Die Eltern haben die Entschuldigung zu spät abgegeben. ${SIGN} Wie schreibe ich die Versäumnisanzeige? Ab wann darf ich ein Attest verlangen?`;
    const strict = { clear: 1.01, weak: 1.01, silent: 0.05 };
    expect(createSafetyDetector(model, { ...strict, passage: 0.5 })(story).level).toBe('clear');
    expect(createSafetyDetector(model, { clear: 0.5, weak: 1.01, passage: 1.01, silent: 0.05 })(story).level).not.toBe(
      'none',
    );
  });
  it('between the thresholds: answer, and show the line', () => {
    const between = createSafetyDetector(model, { clear: 1.01, weak: 0.5, passage: 1.01, silent: 0.05 });
    expect(between(SIGN).level).toBe('weak');
  });
});

describe('example files', () => {
  it('reports every bad line with file and line, all at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'safety-examples-'));
    mkdirSync(join(dir, 'safety-examples'));
    writeFileSync(
      join(dir, 'safety-examples', 'a.jsonl'),
      [
        '{"q":"Er hat Hunger.","safety":"danger"}',
        'kein json',
        '{"q":"","safety":"harmless"}',
        '{"q":"x","safety":"maybe"}',
      ].join('\n'),
    );
    const { examples, problems } = readSafetyExamples(dir);
    expect(examples).toHaveLength(1);
    expect(problems.map((p) => `${p.file}:${p.line ?? ''}`)).toEqual([
      'safety-examples/a.jsonl:2',
      'safety-examples/a.jsonl:3',
      'safety-examples/a.jsonl:4',
      'safety-examples:',
    ]);
  });
  it('a missing folder is a problem, not an empty model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'safety-examples-'));
    expect(readSafetyExamples(dir).problems[0]?.message).toBe('Ordner fehlt');
  });
});

describe('start-up with a bad example file', () => {
  it('fails with file and line among all knowledge problems, and trains nothing', async () => {
    const { cpSync } = await import('node:fs');
    const { checkKnowledgeDir } = await import('../../../src/core/bootstrap');
    const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
    cpSync(join(__dirname, '../../../knowledge'), dir, { recursive: true });
    writeFileSync(join(dir, 'safety-examples', 'zz-bad.jsonl'), '{"q":"Er hat Hunger.","safety":"vielleicht"}\n');
    const { core, problems } = checkKnowledgeDir(dir);
    expect(core).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ file: 'safety-examples/zz-bad.jsonl', line: 1 }));
  });
});
