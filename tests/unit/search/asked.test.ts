import { describe, expect, it } from 'vitest';
import { asksForForm, asksWhatKind, whatIsAsked } from '../../../src/search/asked';

describe('what a message asks, read from its questions', () => {
  it.each([
    ['next-step', 'Die Anhörung ist durch. Was nun?'],
    ['next-step', 'Gespräche, Konferenz, alles gelaufen. Er fehlt weiter. Wie geht es jetzt weiter?'],
    ['next-step', 'Was sollten wir als Schule jetzt konkret tun?'],
    ['next-step', 'We talked to the parents twice. What should we do now?'],
    ['next-step', 'Stimmt das mit dem Bußgeld? Und was jetzt?'],
    ['next-step', 'Die Konferenz war letzte Woche. Was ist denn jetzt der nächste formale Schritt?'],
    ['next-step', 'Was muss da als Allererstes an die Familie rausgehen?'],
    ['next-step', 'bringt aber nix, er fehlt weiter. was waere jetzt dran?'],
    ['fact', 'Ein 17-Jähriger ohne Ausbildung fehlt. Ist er noch schulpflichtig?'],
    ['fact', 'Der Kollege meint, wir müssten dreimal auffordern. Stimmt das?'],
    ['fact', 'Die Anhörung ist erfolgt. Wer bekommt die Versäumnisanzeige?'],
    ['fact', 'Er zahlt das Bußgeld nicht, ihm passiere nichts, sagt er. Was passiert wirklich?'],
    ['fact', 'Is a fine possible against the pupil himself?'],
    ['fact', 'Die Familie verlängert die Ferien, kann ein Bußgeld verhängt werden, oder reicht ein Gespräch?'],
    ['none', 'Gymnasium, 15 Jahre, unentschuldigt, Anhörung ist erfolgt'],
    ['none', 'trennungsangst grundschule'],
  ])('%s: "%s"', (asked, message) => {
    expect(whatIsAsked(message)).toBe(asked);
  });
});

describe('what kind of thing is asked for', () => {
  it.each([
    [true, 'Er bleibt seit Wochen zu Hause. Was für eine Form von Fehlen ist das?'],
    [true, 'Wie ist das einzuordnen?'],
    [true, 'Ist das schon Schulangst oder eher Schwänzen?'],
    [true, 'The parents keep him home for the shop. What kind of absenteeism is that?'],
    [false, 'Wer unterschreibt die Anhörung?'],
    [false, 'Wie geht es jetzt weiter?'],
  ])('%s: "%s"', (kind, message) => {
    expect(asksWhatKind(message)).toBe(kind);
  });

  it.each([
    [true, 'Welcher Vordruck passt?'],
    [true, 'Which hearing letter do I send?'],
    [false, 'Was passiert nach der Anhörung?'],
  ])('asks for a form %s: "%s"', (form, message) => {
    expect(asksForForm(message)).toBe(form);
  });
});
