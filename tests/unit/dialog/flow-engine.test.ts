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
  const core = realCore();
  const { guide, knowledge } = core;
  const reader = createAnswerReader(guide.questions);
  const outcomeFor = (text: string) => {
    const state = guide.start(reader.extract(text));
    const node = guide.current(state);
    return node?.kind === 'outcome' ? resolveOutcome(node, state.answers, knowledge) : undefined;
  };

  it.each([
    ['gespraeche', 'schulinterne-massnahmen'],
    ['schulinterne-massnahmen', 'schriftliche-aufforderung'],
    ['schriftliche-aufforderung', 'anhoerung'],
    ['anhoerung', 'versaeumnisanzeige'],
    // The outcome after the report tells what follows the same step; the dialog names no other.
    ['versaeumnisanzeige', undefined],
    ['schulsozialarbeit', undefined],
  ])('the step the dialog leads to once %s is done: %s', (done, next) => {
    expect(guide.stepAfter(done)).toBe(next);
  });

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

  it.each([
    ['Berufskolleg, 17, ohne Ausbildungsvertrag', { ausbildung: 'nein' }],
    ['Berufskolleg, 17, kein Ausbildungsvertrag', { ausbildung: 'nein' }],
    ['Berufskolleg, 17, Ausbildungsvertrag als Elektroniker', { ausbildung: 'ja' }],
    ['Die 14-jährige Schülerin fehlt', { alter: 'ab-14' }],
    ['Anhörungsschreiben für Schüler ab 14', { alter: 'ab-14' }],
    ['Vorlage für 14+ Schüler', { alter: 'ab-14' }],
    ['a 16-year-old keeps skipping', { alter: 'ab-14' }],
    ['Kind unter 14, fehlt', { alter: 'unter-14' }],
    ['Mein Schüler Kevin (15) fehlt tageweise', { alter: 'ab-14' }],
    ['Die Schülerin (13 J.) fehlt', { alter: 'unter-14' }],
    // In the building, not in class: a form of absence of its own (Unterrichtsabsentismus), not a day missed.
    ['Er ist jeden Morgen in der Schule, aber in Mathe und Englisch nicht im Unterricht.', { situation: 'unterricht' }],
    ['She is here every morning but keeps skipping lessons after lunch.', { situation: 'unterricht' }],
    // Days missed unexcused are not lessons skipped, whatever the synonyms of "fehlt" and "unentschuldigt" add up to.
    ['Tim fehlt seit Wochen immer wieder unentschuldigt.', { situation: 'unentschuldigt' }],
    // Of two answers told alike, the one told first: the asker's school, not the one they worked at before.
    [
      'Sekretariat einer Realschule. Ich war vorher an einer Grundschule, da ging das ans Schulamt.',
      { schulform: 'realschule' },
    ],
  ])('reads negation and ages the way they are meant: "%s"', (text, expected) => {
    expect(core.reader.extract(text)).toMatchObject(expected);
  });

  it.each(['Die Mutter ruft morgens an, wenn er krank ist.', 'Er war eine Woche krankgemeldet und ist wieder da.'])(
    'an illness told without a doubt is no doubted sick note: "%s"',
    (text) => {
      expect(core.reader.extract(text).situation).not.toBe('atteste');
    },
  );

  it.each(['Er fehlt meist unentschuldigt.', 'Die meisten in der Klasse sind 12.', 'Vordruck (030) fehlt'])(
    'reads no apprenticeship or age into everyday words and numbers: "%s"',
    (text) => {
      const read = core.reader.extract(text);
      expect(read).not.toHaveProperty('ausbildung');
      expect(read).not.toHaveProperty('alter');
    },
  );

  it('names the step every way on leads to, and none while the ways part', () => {
    const steps = (text: string) => [...new Set(guide.ahead(guide.start(reader.extract(text))).map((o) => o.step))];
    // After the written request every answer (school type, age, apprenticeship) ends at the hearing.
    expect(steps('Berufsschule, unentschuldigt, schriftliche Aufforderung verschickt')).toEqual(['anhoerung']);
    // Nothing told yet: the first question parts the ways (child protection among them).
    expect(steps('').length).toBeGreaterThan(3);
  });

  it("reads a case with the answer engine's synonyms, but what was done only from its own words", () => {
    expect(core.reader.extract('one of my apprentices at the Berufskolleg')).toMatchObject({ ausbildung: 'ja' });
    expect(core.reader.extract('Bußgeld Höhe Ferienverlängerung')).not.toHaveProperty('erledigt');
  });

  it('names no Vordruck 130 (Berufsschulpflicht only) for the Versäumnisanzeige of other schools', () => {
    for (const school of ['Grundschule', 'Gymnasium', 'Förderschule'])
      expect(outcomeFor(`${school}, unentschuldigt, die Anhörung wurde durchgeführt`)?.forms, school).toEqual([]);
  });

  it('withholding by the parents gets the regular letter to parents (080), a holiday extension its own (090)', () => {
    const forms = (text: string) => outcomeFor(text)?.forms.map((f) => f.number);
    expect(forms('Die Eltern halten ihn zu Hause, Aufforderung verschickt, Hauptschule, 12 Jahre')).toEqual([
      '080',
      '030',
    ]);
    expect(forms('Die Eltern halten sie zu Hause, Aufforderung verschickt, Realschule, 15 Jahre')).toEqual([
      '080',
      '030',
    ]);
    expect(forms('Die Familie hat die Ferien verlängert, Aufforderung verschickt, Hauptschule, 12 Jahre')).toEqual([
      '090',
      '030',
    ]);
  });

  it('parents who cannot be reached lead to a letter, a home visit and the Jugendamt – not to "call the parents"', () => {
    const outcome = outcomeFor('Jonas fehlt heute, die Eltern erreiche ich nicht');
    expect(outcome?.step.id).toBe('schulsozialarbeit');
    expect(outcome?.agencies.map((a) => a.id)).toEqual(['koordinierung-schulsozialarbeit', 'jugendamt']);
    expect(outcome?.actions.join(' ')).toMatch(/schriftlich/);
    expect(outcome?.actions.join(' ')).toMatch(/Hausbesuch/);
    expect(outcome?.actions.join(' ')).not.toMatch(/anrufen/);
  });

  it.each(['Versäumnisanzeige ist gestellt, unentschuldigt', 'Ein Bußgeld wurde verhängt, unentschuldigt'])(
    'after "%s": keep watching attendance; step 11 only if the absence goes on',
    (text) => {
      const outcome = outcomeFor(text);
      expect(outcome?.step.order).not.toBe(11);
      expect(outcome?.headline).toMatch(/weiter beobachten/);
      expect(outcome?.actions[0]).toMatch(/weiter beobachten/);
      expect(outcome?.actions.at(-1)).toMatch(/Fehlt das Kind weiter.*Schritt 11/);
    },
  );

  it('separation anxiety gets help, not sanctions, in the guide', () => {
    const outcome = outcomeFor('Sie weint jeden Morgen und will nicht von der Mama weg, Aufforderung verschickt');
    expect(outcome?.step.id).toBe('fachberatung');
    expect(outcome?.agencies.map((a) => a.id)).toEqual(
      expect.arrayContaining(['schulpsychologie', 'erziehungsberatung', 'kinder-jugendpsychiatrie']),
    );
  });

  it("an answer's `sets` fill what the text has not said, and never overwrite it", () => {
    expect(reader.extract('Ein Berufsschüler fehlt')).toMatchObject({
      situation: 'berufsschule',
      schulform: 'berufskolleg',
    });
    expect(reader.extract('Sie hat Schulangst, die Eltern erreiche ich nicht').situation).toBe('angst');
  });

  it.each([
    ['Angst oder Mobbing haben wir in mehreren Gesprächen ausgeschlossen, er zockt nachts.', undefined],
    ['Mit Ferien hat das nichts zu tun, er schwänzt einfach.', 'unentschuldigt'],
    ['Angst haben wir nicht ausgeschlossen.', 'angst'],
    ['Angst oder Mobbing sehen weder wir noch die Schulsozialarbeit, er zockt nachts.', undefined],
    ['Weder Angst noch Mobbing, er zockt nachts.', undefined],
  ])('a denial after the words ("… haben wir ausgeschlossen"): "%s" → situation %s', (text, situation) => {
    expect(reader.extract(text).situation).toBe(situation);
  });

  it("a keyword's words stand in one sentence: 'Die Eltern … Ich halte das für falsch' holds no 'Eltern halten'", () => {
    expect(reader.extract('Die Eltern rufen jeden Morgen an. Ich halte das für falsch.').situation).toBeUndefined();
    expect(reader.extract('Die Eltern halten ihn zu Hause.').situation).toBe('zurueckhalten');
    expect(reader.extract('Die Eltern halten uns für übertrieben, er fehlt in Mathe.').situation).not.toBe(
      'zurueckhalten',
    );
  });

  it.each([
    ['Sie ist 17, einen Ausbildungsvertrag hat sie nicht.', 'ausbildung', 'ja', false],
    ['Die schriftliche Aufforderung haben wir noch nicht verschickt.', 'erledigt', 'aufforderung', false],
    ['Die schriftliche Aufforderung ist verschickt, geholfen hat sie nicht.', 'erledigt', 'aufforderung', true],
    ['Die schriftliche Aufforderung hat nicht geholfen.', 'erledigt', 'aufforderung', true],
  ])('a negation closing the clause denies what stands before it: "%s" → %s=%s is %s', (text, slot, value, told) => {
    expect(reader.extract(text)[slot] === value).toBe(told);
  });

  it.each([
    ['Das Gespräch mit den Eltern hat nichts gebracht, er fehlt weiter.', 'nichts'],
    ['Die Eltern sind gut erreichbar, aber er fehlt weiter.', 'eltern-nicht-erreichbar'],
    ['Er war erst gestern wieder da, heute fehlt er.', 'nichts'],
  ])('a plain word is no answer of a longer keyword: "%s" does not tell erledigt=%s', (text, value) => {
    expect(reader.extract(text).erledigt).not.toBe(value);
  });

  it.each(['Die Eltern haben das Bußgeld brav überwiesen, er fehlt weiter.', 'The parents paid the fine.'])(
    'a fine paid was a fine imposed: "%s"',
    (text) => {
      expect(reader.extract(text).erledigt).toBe('bussgeld');
    },
  );

  it.each([
    'Die Familie war in den Sommerferien in der Türkei und ist erst am Donnerstag der ersten Schulwoche zurückgekommen.',
    'Sie sind eine Woche vor den Osterferien schon abgereist.',
    'They came back late from holiday in Turkey.',
  ])('back late from the holidays, or gone before them, is a holiday extension: "%s"', (text) => {
    expect(reader.extract(text).situation).toBe('ferien');
  });

  it('the denial\'s own words are no answer: "nichts zu tun" is not "noch nichts unternommen"', () => {
    expect(reader.extract('Mit Ferien hat das nichts zu tun, er schwänzt einfach.').erledigt).toBeUndefined();
  });

  it.each(['Berufsfachschule', 'Ausbildungsvorbereitung', 'Fachoberschule'])(
    'a course of the Berufskolleg (%s) is the Berufskolleg for the hearing and the report',
    (course) => {
      expect(reader.extract(`Schülerin, 17, ${course}, Anhörung ist erfolgt`).schulform).toBe('berufskolleg');
    },
  );

  it('the most specific option wins: "Förderschule Hören und Kommunikation" is not a plain Förderschule', () => {
    const outcome = outcomeFor('Förderschule Hören und Kommunikation, unentschuldigt, Anhörung ist erfolgt');
    expect(outcome?.agencies.map((a) => a.id)).toEqual(['bezirksregierung']);
  });
});
