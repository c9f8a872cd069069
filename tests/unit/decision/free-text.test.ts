import { describe, expect, it } from 'vitest';
import { answerCard } from '../../../src/cards/answer-card';
import { createFreeTextDecider } from '../../../src/decision/free-text';
import { realCore } from '../../support/bot-harness';

const decide = createFreeTextDecider(realCore());

describe('one decision for free text (chat, ask, eval)', () => {
  it.each([
    ['child-protection', 'Er hat Striemen am Rücken und will nicht nach Hause.', 'step:kinderschutz'],
    ['guide', 'Gymnasium, 15 Jahre, unentschuldigt, Anhörung ist erfolgt', 'step:versaeumnisanzeige'],
    // A question of fact ("Wer bekommt …?") is answered, however much of a case it tells.
    [
      'answer',
      'Wer bekommt die Anzeige? Hauptschule, 13 Jahre, unentschuldigt, Anhörung ist erfolgt',
      'agency:schulaufsicht',
    ],
    [
      'answer',
      'Ein 20-Jähriger hat mit 19 eine Ausbildung begonnen. Ist er berufsschulpflichtig?',
      'topic:schulpflicht',
    ],
    ['answer', 'Ab welchem Alter kann gegen Schüler selbst ein Bußgeld verhängt werden?', 'topic:bussgeld'],
    ['answer', 'Kontakt KUBDO', 'agency:kubdo'],
    // Words that only say what is wanted (a number) are no unknown subject.
    ['answer', 'kubdo tel', 'agency:kubdo'],
    ['answer', 'phone number KUBDO?', 'agency:kubdo'],
    // "Who gets it" for a named school type: the one responsible body, from the dialog's outcome rules.
    ['answer', 'Wer ist zuständig für die Versäumnisanzeige bei Gymnasien?', 'agency:bezirksregierung'],
    ['answer', 'An wen geht die Versäumnisanzeige bei einer Hauptschule?', 'agency:schulaufsicht'],
    ['answer', 'Versäumnisanzeige Berufskolleg wohin', 'agency:bezirksregierung'],
    // A step the story tells done leads the ranking: the body for the told school type is asked about.
    [
      'answer',
      'Hauptschule, Klasse 6. Gespräche, Elternbriefe, Teilkonferenz, schriftliche Aufforderung und Anhörung sind alle gelaufen, die Eltern melden sich nicht. Wohin mit der Anzeige?',
      'agency:schulaufsicht',
    ],
    // The condition ("if …", "wenn …") is the case, not what is asked: the fine is.
    ['answer', 'How much is the fine if a pupil keeps skipping school?', 'topic:bussgeld'],
    // Asked where to turn or who advises: a body close behind a topic leads.
    [
      'answer',
      'eltern trennen sich, kind fehlt dauernd, die eltern wollen beratung – wohin kann ich sie schicken',
      'agency:erziehungsberatung',
    ],
    ['answer', 'Er hat Schulangst. Welche Stelle berät uns da?', 'agency:schulpsychologie'],
    ['answer', 'Das Kind hat Angst vor der Schule und fehlt. Wer kann die Familie beraten?', 'agency:schulpsychologie'],
    // A topic leads, no step or body: the told school type decides the body of the one outcome the candidates name.
    ['answer', 'which authority is handle the fine procedure for a Realschule in Dortmund?', 'agency:bezirksregierung'],
    // "Which form" for a described case: the outcome's form rules pick, the words order what they leave open.
    ['answer', 'Welches Anhörungsschreiben nehme ich für einen Azubi am Berufskolleg?', 'form:vordruck-070'],
    ['answer', 'Die Eltern haben die Sommerferien eigenmächtig verlängert. Welcher Vordruck?', 'form:vordruck-090'],
    ['answer', 'Which hearing letter for an apprentice at the Berufskolleg?', 'form:vordruck-070'],
    // "The hearing for him himself, not for the mother": the party asked about picks among the case's forms.
    [
      'answer',
      'Gesamtschule, Kevin (15), Aufforderung ist raus. Die Anhörung ist für ihn selbst, nicht für die Mutter. Welcher Vordruck?',
      'form:vordruck-050',
    ],
    [
      'answer',
      'Berufskolleg, Azubi. Wir wollen den Ausbildungsbetrieb anhören. Welches Schreiben?',
      'form:vordruck-100',
    ],
    [
      'answer',
      'Berufskolleg, Azubi schwänzt, die Aufforderung ist gelaufen. Jetzt soll die Anhörung an den Azubi selbst raus. Welches Schreiben?',
      'form:vordruck-070',
    ],
    // The questions left only refine one step: the case names it (the dialog then asks for the age).
    [
      'guide',
      'Berufskolleg, Azubi, schwänzt. Gespräche und die schriftliche Aufforderung sind gelaufen, nichts passiert. Wie gehen wir weiter vor?',
      'step:anhoerung',
    ],
    // "What kind of absence is it?": the best-ranked form of absence leads.
    [
      'answer',
      'Die Eltern lassen ihn zu Hause, damit er im Laden hilft. Was für eine Form von Fehlen ist das?',
      'topic:zurueckhalten',
    ],
    // … the form the case tells (bodily complaints read as anxiety), not the form the words rank first.
    [
      'answer',
      'Er hat jeden Morgen Bauchweh und bleibt dann zu Hause, die Eltern entschuldigen ihn. Wir hatten zwei Gespräche. Was für eine Form von Fehlen ist das?',
      'topic:schulangst',
    ],
  ])('%s: "%s" leads with %s', (route, text, first) => {
    const d = decide(text);
    expect(d.route).toBe(route);
    expect(d.answered).toBe(true);
    expect(d.refs[0]).toBe(first);
  });

  it('what the message tells leads straight to an outcome, and it asks who helps: the outcome answers', () => {
    const d = decide('my pupil is very anxious and refuses to come to school, who in dortmund can advise us?');
    expect(d.route).toBe('guide');
    expect(d.answered).toBe(true);
    expect(['agency:fachstelle-schulabsentismus', 'agency:schulpsychologie', 'agency:erziehungsberatung']).toContain(
      d.refs[0],
    );
  });

  it('a danger the message denies never takes that way into child protection', () => {
    const d = decide(
      'Eine Gefährdung sehen wir nicht, aber die Mutter schafft es allein nicht. An wen wenden wir uns?',
    );
    expect(d.route).not.toBe('child-protection');
    expect(d.refs[0]).not.toBe('step:kinderschutz');
  });

  it('child protection leads; a question asked beside the signs gets its own answer right after the step', () => {
    const core = realCore();
    const asked = decide(
      'Er hat Striemen auf dem Rücken und will nicht nach Hause. Welchen Vordruck nehme ich für die Anhörung der Eltern?',
    );
    expect(asked.route).toBe('child-protection');
    expect(asked.refs.slice(0, 3)).toEqual(['step:kinderschutz', 'form:vordruck-080', 'agency:jugendamt']);
    const card = JSON.stringify(answerCard(asked.answer, core.knowledge));
    expect(card).toContain(core.knowledge.byRef('form:vordruck-080')!.short_title);
    // Nothing asked beyond the signs: the child-protection bodies follow the step.
    expect(decide('Er hat Striemen am Rücken und will nicht nach Hause.').refs.slice(0, 2)).toEqual([
      'step:kinderschutz',
      'agency:jugendamt',
    ]);
  });

  it('refs name each entry once', () => {
    const refs = decide('Wer bekommt die Anzeige? Hauptschule, 13 Jahre, unentschuldigt, Anhörung ist erfolgt').refs;
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('without a school type, "who gets it" names no single body ahead of the step', () => {
    expect(decide('Wohin schicke ich die Versäumnisanzeige?').refs[0]).not.toMatch(
      /^agency:(schulaufsicht|bezirksregierung)$/,
    );
  });

  it.each([
    [
      'Grundschule: parents keep their daughter at home so she minds her baby brother. What should we do now?',
      'topic:zurueckhalten',
    ],
    ['Gymnasium, die Familie hat die Ferien verlängert, was nun?', 'topic:ferienverlaengerung'],
  ])(
    'a form of absence told with nothing done yet is answered by its entry, not by a guide question: "%s"',
    (text, ref) => {
      const d = decide(text);
      expect(d.route).toBe('answer');
      expect(d.refs[0]).toBe(ref);
    },
  );

  it('the form of absence the case tells leads a ranking that puts another form of absence first', () => {
    const d = decide(
      'An unserer Grundschule behalten die Eltern einen Jungen öfter zu Hause, damit er auf die Schwester aufpasst. Was kann ich da machen?',
    );
    expect(d.refs[0]).toBe('topic:zurueckhalten');
  });

  it('after the class conference the answer goes the way the dialog goes: the written request, not support offers', () => {
    const d = decide(
      'Wir hatten zwei Gespräche mit ihm und den Eltern und eine Klassenkonferenz mit schriftlichem Verweis, gebracht hat es nichts. Was muss als Erstes an die Familie rausgehen?',
    );
    expect(d.refs[0]).toBe('step:schriftliche-aufforderung');
  });

  it.each([
    ['Gibt es für die Versäumnisanzeige bei uns an der Hauptschule einen eigenen Vordruck?', 'step:versaeumnisanzeige'],
    ['Versäumnisanzeige Berufskolleg Vordruck?', 'form:vordruck-130'],
  ])('a form the told case rules out does not lead, its step does: "%s" → %s', (text, ref) => {
    expect(decide(text).refs[0]).toBe(ref);
  });

  it('a case that needs more answers opens the guide and is not counted as answered', () => {
    const d = decide('Wir haben schon die Anhörung gemacht, was jetzt?');
    expect(d.route).toBe('guide');
    expect(d.answered).toBe(false);
  });

  it('out of scope: unsure, no procedure card', () => {
    const d = decide('Wie hoch ist das Bußgeld, wenn der Hund im Park ohne Leine läuft?');
    expect(d.route).toBe('unsure');
    expect(d.answer.reason).toBe('out-of-scope');
    expect(d.refs).toEqual([]);
  });

  it("someone else's matter opens no pupil's guide, whatever its words fill (school type, sick notes)", () => {
    const d = decide(
      'Ich bin Lehrerin an einer Realschule und seit zwei Wochen krankgeschrieben. Die Schulleitung will jedes Attest im Original – darf sie das?',
    );
    expect(d.answer.reason).toBe('out-of-scope');
    expect(d.route).toBe('unsure');
    expect(d.refs).toEqual([]);
  });

  it('a form asked for after a failed step comes from the step that has forms, for the told situation', () => {
    const d = decide(
      'Die Familie ist erst eine Woche nach den Sommerferien zurückgekommen. Das Gespräch hat nichts gebracht, die Schulleitung möchte jetzt das Anhörungsverfahren starten. Welchen Vordruck nehmen wir?',
    );
    expect(d.refs[0]).toBe('form:vordruck-090');
  });

  it.each([
    // The kind of paper asked for: a Bogen to fill in (the letters given by fewer rules would lead otherwise).
    [
      'Die Eltern halten ihn zu Hause. Gibt es einen Bogen, auf dem sie im Anhörungsverfahren Stellung nehmen? Welche Nummer?',
      'form:vordruck-030',
    ],
    [
      'Anhörung der Eltern, Klasse 3, die Ferien verlängert: welches Anhörungsschreiben schicken wir?',
      'form:vordruck-090',
    ],
  ])('the forms a case gives: "%s" → %s', (text, form) => {
    expect(decide(text).refs[0]).toBe(form);
  });

  it('"X is done, what now?" without naming it in a "nach der …" phrase leads with the step after X', () => {
    const d = decide('Die schriftliche Aufforderung ist raus, keine Reaktion. Wie geht es jetzt weiter?');
    expect(d.refs[0]).toBe('step:anhoerung');
  });

  it.each([
    'Sie hat panische Angst vor der Schule, die Gespräche haben nichts gebracht. Was jetzt?',
    'He is too anxious to come in; the class conference did not help. What now?',
    'Kind weint jeden Morgen und will nicht von der Mama weg, Aufforderung ist schon raus',
    'she cries every morning at the gate; the written request was sent, what next?',
    // Parents who keep an anxious child at home: still anxiety, never the way of withholding.
    'Die Eltern halten sie zu Hause, weil sie vor jeder Arbeit Bauchweh hat. Die Aufforderung ist raus. Was nun?',
    // A sanction asked about for an anxious child: not offered as the second choice either.
    'Eine Kollegin möchte bei einer Schülerin, die wegen großer Prüfungsangst an Arbeitstagen fehlt, eine Ordnungsmaßnahme beantragen, damit sie wieder kommt. Ist das der richtige Weg?',
    'Ein Schüler hat solche Angst vor der Klasse, dass er kaum noch kommt. Die Schulleitung denkt an eine schriftliche Aufforderung an die Eltern. Ist das sinnvoll?',
  ])('anxiety never leads to a sanction step, nor is one offered among the first choices: "%s"', (text) => {
    const offered = decide(text).refs.slice(0, 2);
    const sanctions = [
      'step:schulinterne-massnahmen',
      'step:schriftliche-aufforderung',
      'step:anhoerung',
      'step:versaeumnisanzeige',
      'step:zwangszufuehrung',
    ];
    expect(offered.filter((ref) => sanctions.includes(ref) || ref.startsWith('form:'))).toEqual([]);
  });

  it.each([
    'Wir sind eine Förderschule mit Schwerpunkt Hören und Kommunikation. Jemand meint, Förderschulen melden die Versäumnisanzeige ans Schulamt. Stimmt das?',
    'Schulamt oder Bezirksregierung – wir sind ein Gymnasium, wer hat recht?',
  ])('a body the named school type rules out does not lead: "%s"', (text) => {
    expect(decide(text).refs[0]).toBe('agency:bezirksregierung');
  });

  it('anxiety told beside sick notes is what the case is about (not doubted sick notes)', () => {
    const d = decide(
      'Lea hat vor jeder Mathearbeit Bauchschmerzen, die Mutter meldet sie dann krank. Inzwischen fehlt sie auch an normalen Tagen. Wo bekommen wir Unterstützung?',
    );
    expect(d.prefill.situation).toBe('angst');
    expect(d.refs[0]).not.toBe('step:erste-reaktion');
  });

  it('the engine itself never leads an anxiety question with a sanction step', () => {
    const { engine } = realCore();
    const first = engine.ask('Schülerin mit Trennungsangst: Anhörungsbogen an die Eltern schicken?').candidates[0]?.ref;
    expect(first).toBe('step:fachberatung');
  });
});
