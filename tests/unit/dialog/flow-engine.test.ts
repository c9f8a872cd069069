import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readDialog, DIALOG_TTL_MS } from '../../../src/dialog/dialog-state';
import { createFlowEngine } from '../../../src/dialog/flow-engine';
import { Flow } from '../../../src/dialog/flow-schema';
import { resolveOutcome } from '../../../src/dialog/outcome';
import { createAnswerReader } from '../../../src/dialog/prefill';
import { realCore } from '../../support/bot-harness';

const fixture = createFlowEngine(
  Flow.parse(parse(readFileSync(resolve(__dirname, '../../fixtures/flows/valid.yaml'), 'utf8'))),
);

describe('When moving through a flow', () => {
  it('starts at the first question and follows answers and branches to an outcome', () => {
    const s0 = fixture.start({}, 1);
    expect(s0.node).toBe('frage');
    const s1 = fixture.choose(s0, 'gespraech', 2)!;
    expect(s1.node).toBe('ende-2');
    expect(s1.answers).toEqual({ erledigt: 'gespraech' });
  });

  it('skips questions a pre-fill already answered', () => {
    expect(fixture.start({ erledigt: 'nichts' }).node).toBe('ende');
  });

  it('goes back one answer at a time and not past the start', () => {
    const s1 = fixture.choose(fixture.start(), 'nichts')!;
    const back = fixture.back(s1);
    expect(back.node).toBe('frage');
    expect(back.answers).toEqual({});
    expect(fixture.back(back).node).toBe('frage');
  });

  it('refuses options the current question does not have', () => {
    expect(fixture.choose(fixture.start(), 'gibt-es-nicht')).toBeUndefined();
  });

  it('jumps to the safety outcome and can come back', () => {
    const safe = fixture.safety(fixture.start());
    expect(safe.node).toBe('schutz');
    expect(fixture.back(safe).node).toBe('frage');
  });
});

describe('When reading stored dialog state', () => {
  const exists = (id: string) => ['frage', 'ende'].includes(id);
  const good = { node: 'frage', answers: {}, history: [], prefilled: [], updatedAt: 1_000 };
  it('accepts a fresh, well-formed state', () => expect(readDialog(good, exists, 2_000)).toEqual(good));
  it('drops a state untouched for 24 hours', () =>
    expect(readDialog(good, exists, 1_000 + DIALOG_TTL_MS + 1)).toBeUndefined());
  it('drops a state on a node the flow no longer has', () =>
    expect(readDialog({ ...good, node: 'alt' }, exists, 2_000)).toBeUndefined());
  it('drops a malformed state', () => expect(readDialog({ node: 7 }, exists, 2_000)).toBeUndefined());
});

describe('The real guide', () => {
  const { guide, knowledge } = realCore();
  const reader = createAnswerReader(guide.questions);
  const outcomeFor = (text: string) => {
    const state = guide.start(reader.extract(text));
    const node = guide.current(state);
    return node?.kind === 'outcome' ? resolveOutcome(node, state.answers, knowledge) : undefined;
  };

  it('reads a full case from one message: Gymnasium, 15, Anhörung erfolgt → Bezirksregierung Arnsberg', () => {
    const outcome = outcomeFor('Gymnasium, 15 Jahre, unentschuldigt, Anhörung ist erfolgt');
    expect(outcome?.step.id).toBe('versaeumnisanzeige');
    expect(outcome?.headline).toBe('Versäumnisanzeige an die Bezirksregierung Arnsberg');
    expect(outcome?.agencies.map((a) => a.id)).toEqual(['bezirksregierung']);
    expect(outcome?.notes.join(' ')).toMatch(/Kopien des Anhörungsschreibens/);
  });

  it('sends a Grundschule case to the Schulamt', () => {
    const outcome = outcomeFor('Grundschule, unentschuldigt, die Anhörung wurde durchgeführt');
    expect(outcome?.agencies.map((a) => a.id)).toEqual(['schulaufsicht']);
  });

  it('picks the Vordrucke by age and apprenticeship', () => {
    expect(
      outcomeFor('unentschuldigt, Hauptschule, 12 Jahre, schriftliche Aufforderung verschickt')?.forms.map(
        (f) => f.number,
      ),
    ).toEqual(['080', '030']);
    expect(
      outcomeFor('Azubi im Berufskolleg, Ausbildungsvertrag, 17 Jahre, Aufforderung verschickt')?.forms.map(
        (f) => f.number,
      ),
    ).toEqual(['070', '100', '040']);
    expect(
      outcomeFor('Berufskolleg Versäumnisanzeige, ohne Ausbildung, Anhörung erfolgt, unentschuldigt')?.forms.map(
        (f) => f.number,
      ),
    ).toEqual(['130']);
  });

  it('names no Vordruck 130 (Berufsschulpflicht only) for the Versäumnisanzeige of other schools', () => {
    for (const school of ['Grundschule', 'Gymnasium', 'Förderschule'])
      expect(outcomeFor(`${school}, unentschuldigt, die Anhörung wurde durchgeführt`)?.forms, school).toEqual([]);
  });
});
