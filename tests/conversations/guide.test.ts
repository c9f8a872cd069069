import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEXTS } from '../../src/texts';
import { botHarness, buttonData, cardText, cardTitle, type CardReply } from '../support/bot-harness';
import { asks, reaches, says, shows, type Check } from '../support/reply-checks';

/** A user turn: typed text, a click on a button of the previous replies, or a raw card payload. */
type Turn = string | { click: string | RegExp } | { payload: Record<string, unknown> };
const SITUATION = 'Was ist passiert?';
const DONE = 'Was wurde schon unternommen?';
const SCHOOL = 'Welche Schulform?';
const AGE = 'Wie alt ist die Schülerin oder der Schüler?';
const APPRENTICE = 'Hat die Schülerin oder der Schüler einen Ausbildungsvertrag?';
const ARNSBERG = /Schritt 10: Versäumnisanzeige an die Bezirksregierung Arnsberg/;

const paths: { name: string; steps: [Turn, Check][] }[] = [
  {
    name: 'Gymnasium by clicking reaches the Bezirksregierung with the enclosures',
    steps: [
      ['Was tun?', asks(SITUATION)],
      [{ click: 'Unentschuldigtes Fehlen' }, asks(DONE)],
      [{ click: 'Anhörung ist erfolgt' }, asks(SCHOOL)],
      [{ click: 'Gymnasium' }, reaches(ARNSBERG, /Kopien des Anhörungsschreibens/, /Bezirksregierung Arnsberg/)],
    ],
  },
  {
    name: 'Grundschule by clicking reaches the Schulamt',
    steps: [
      ['Fall', asks(SITUATION)],
      [{ click: 'Unentschuldigtes Fehlen' }, asks(DONE)],
      [{ click: 'Anhörung ist erfolgt' }, asks(SCHOOL)],
      [{ click: 'Grundschule' }, reaches(/Versäumnisanzeige an das Schulamt für die Stadt Dortmund/)],
    ],
  },
  {
    name: 'the same path by typing the answers',
    steps: [
      ['was tun', asks(SITUATION)],
      ['unentschuldigt', asks(DONE)],
      ['Anhörung ist erfolgt', asks(SCHOOL)],
      ['gymnasium', reaches(ARNSBERG)],
    ],
  },
  {
    name: 'typing an option number or a near spelling',
    steps: [
      ['Was tun?', asks(SITUATION)],
      ['1', asks(DONE)],
      ['Anhörung ist erfolg', asks(SCHOOL)],
      ['Realschulle', reaches(ARNSBERG)],
    ],
  },
  {
    name: 'a whole case in one message goes straight to the outcome',
    steps: [
      [
        'Gymnasium, 15 Jahre, unentschuldigt, Anhörung ist erfolgt',
        reaches(ARNSBERG, /Aus Ihrer Nachricht|Bezirksregierung/),
      ],
      // The outcome is an answer: "what comes next" follows its step (Versäumnisanzeige → Zwangszuführung).
      ['Nächster Schritt', shows(/Zwangszuführung/)],
    ],
  },
  {
    name: 'a case with a step already done opens the guide and never asks what it was told',
    steps: [
      [
        'Wir haben schon die Anhörung gemacht, was jetzt?',
        (r) => {
          asks(SITUATION)(r);
          shows(/Anhörung ist erfolgt/)(r);
        },
      ],
      [{ click: 'Unentschuldigtes Fehlen' }, asks(SCHOOL)],
      [{ click: 'Hauptschule' }, reaches(/Schulamt für die Stadt Dortmund/)],
    ],
  },
  {
    name: 'a case whose next step is clear shows that step first; the question only picks the forms',
    steps: [
      [
        'Berufskolleg, Azubi, schwänzt. Gespräche und die schriftliche Aufforderung sind gelaufen, nichts passiert. Wie gehen wir weiter vor?',
        (r) => {
          expect(cardTitle(r[0])).toMatch(/Schritt 9: .*Anhörung/);
          shows(new RegExp(TEXTS.guide.refine))(r);
          asks(AGE)(r);
        },
      ],
      [{ click: '14 Jahre oder älter' }, reaches(/Anhörung/, /Vordruck 070/, /Vordruck 100/)],
    ],
  },
  {
    name: 'a short case description is answered and the guide offered pre-filled',
    steps: [
      [
        'Ein Schüler fehlt seit einer Woche unentschuldigt',
        (r) => expect(() => buttonData(r, TEXTS.guide.offer)).not.toThrow(),
      ],
      [{ click: TEXTS.guide.offer }, asks(DONE)],
    ],
  },
  {
    name: 'signs of danger end the flow in child protection at once',
    steps: [
      ['Was tun?', asks(SITUATION)],
      [{ click: 'Anzeichen einer Gefährdung des Kindes' }, reaches(/Schritt 7: .*Kinderschutz/i, /50-12345/)],
    ],
  },
  {
    name: 'danger typed in the middle of the dialog jumps to child protection',
    steps: [
      ['Was tun?', asks(SITUATION)],
      [{ click: 'Unentschuldigtes Fehlen' }, asks(DONE)],
      ['Das Kind hat blaue Flecken am Arm', reaches(/Kinderschutz/i)],
      ['Zurück', asks(DONE)],
    ],
  },
  {
    name: 'Zurück goes back one question',
    steps: [
      ['Was tun?', asks(SITUATION)],
      [{ click: 'Unentschuldigtes Fehlen' }, asks(DONE)],
      [{ click: 'Zurück' }, asks(SITUATION)],
      [{ click: 'Eltern halten das Kind zu Hause' }, asks(DONE)],
    ],
  },
  {
    name: 'Neu starten forgets the answers',
    steps: [
      ['Was tun?', asks(SITUATION)],
      [{ click: 'Unentschuldigtes Fehlen' }, asks(DONE)],
      ['Neu starten', asks(SITUATION)],
      [{ click: 'Unentschuldigtes Fehlen' }, asks(DONE)],
    ],
  },
  {
    name: 'Abbrechen ends the dialog; Zurück then says nothing is running',
    steps: [
      ['Was tun?', asks(SITUATION)],
      ['Abbrechen', says(TEXTS.guide.cancelled)],
      ['Zurück', says(TEXTS.guide.notActive)],
    ],
  },
  {
    name: 'a question typed mid-dialog is answered without losing the place',
    steps: [
      ['Was tun?', asks(SITUATION)],
      [{ click: 'Unentschuldigtes Fehlen' }, asks(DONE)],
      [
        'Wie hoch ist das Bußgeld?',
        (r) => {
          expect(cardTitle(r[0])).toMatch(/Bußgeld/);
          asks(DONE)(r);
          shows(new RegExp(TEXTS.guide.continueLater))(r);
        },
      ],
      [{ click: 'Anhörung ist erfolgt' }, asks(SCHOOL)],
    ],
  },
  {
    name: 'a button from an older question is refused politely and the current one shown',
    steps: [
      ['Was tun?', asks(SITUATION)],
      [{ click: 'Unentschuldigtes Fehlen' }, asks(DONE)],
      [
        { payload: { verb: 'guide', action: 'choose', node: 'situation', value: 'angst' } },
        (r) => {
          shows(new RegExp(TEXTS.guide.stale))(r);
          asks(DONE)(r);
        },
      ],
    ],
  },
  {
    name: 'forged or malformed guide payloads get a German message',
    steps: [
      [{ payload: { verb: 'guide', action: 'explode' } }, says(TEXTS.staleAction)],
      [{ payload: { verb: 'guide', action: 'choose', node: '../../etc', value: 'x' } }, says(TEXTS.staleAction)],
      [
        { payload: { verb: 'guide', action: 'start', prefill: { schulform: 'hogwarts', erledigt: 'anhoerung' } } },
        (r) => {
          asks(SITUATION)(r);
          shows(/Anhörung ist erfolgt/)(r);
        },
      ],
    ],
  },
  {
    name: 'an apprentice at the Berufskolleg gets the Ausbildung forms',
    steps: [
      ['Was tun?', asks(SITUATION)],
      [{ click: 'Berufsschülerin, Berufsschüler oder Azubi' }, asks(DONE)],
      [{ click: 'Schriftliche Aufforderung verschickt' }, asks(AGE)],
      ['17', asks(APPRENTICE)],
      [{ click: 'Ja, in Ausbildung' }, reaches(/Schritt 9/, /070/, /100/, /040/)],
    ],
  },
  {
    name: 'anxiety leads to counselling, not sanctions',
    steps: [
      ['Was tun?', asks(SITUATION)],
      [{ click: 'Angst, Rückzug oder psychische Belastung' }, reaches(/Schritt 5/, /Fachstelle Schulabsentismus/)],
    ],
  },
  {
    name: 'the summary is plain text for the case file',
    steps: [
      ['Gymnasium, 15 Jahre, unentschuldigt, Anhörung ist erfolgt', reaches(ARNSBERG)],
      [
        { click: TEXTS.guide.summary },
        (r) => expect(r[0]?.text).toMatch(/Zusammenfassung[\s\S]*Schulform: Gymnasium[\s\S]*Empfehlung: Schritt 10/),
      ],
    ],
  },
];

async function play(
  say: ReturnType<typeof botHarness>['say'],
  steps: [Turn, Check][],
  from = { id: 'teacher', name: 'Lehrkraft' },
) {
  let last: CardReply[] = [];
  for (const [turn, check] of steps) {
    const activity =
      typeof turn === 'string'
        ? turn
        : { type: 'message', value: 'click' in turn ? buttonData(last, turn.click) : turn.payload };
    last = await say(activity, from);
    check(last);
  }
}

describe('The guided dialog', () => {
  afterEach(() => vi.useRealTimers());

  it.each(paths)('$name', async ({ steps }) => {
    await play(botHarness().say, steps);
  });

  it('keeps two teachers in one group chat apart', async () => {
    const { say } = botHarness({ conversationType: 'groupChat' });
    const a = { id: 'teacher-a', name: 'A' };
    const b = { id: 'teacher-b', name: 'B' };
    await play(
      say,
      [
        ['Was tun?', asks(SITUATION)],
        [{ click: 'Unentschuldigtes Fehlen' }, asks(DONE)],
      ],
      a,
    );
    await play(say, [['Was tun?', asks(SITUATION)]], b);
    await play(say, [['Anhörung ist erfolgt', asks(SCHOOL)]], a);
    await play(say, [['Angst', reaches(/Schritt 5/)]], b);
  });

  it('starts fresh after 24 hours untouched', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-01T08:00:00Z'));
    const { say } = botHarness();
    const first = await say('Was tun?');
    const click = buttonData(first, 'Unentschuldigtes Fehlen');
    vi.setSystemTime(new Date('2026-11-02T08:00:01Z'));
    const replies = await say({ type: 'message', value: click });
    expect(cardText(replies[0])).toContain(TEXTS.guide.expired);
    expect(cardTitle(replies[0])).toBe(SITUATION);
  });
});
