import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../../src/search/scope';
import { realCore } from '../../support/bot-harness';

describe('scope: whose situation, and which role an office is asked in', () => {
  it.each([
    ['own-employment', 'Ich bin selbst seit zwei Tagen krank – brauche ich ein Attest für die Schulleitung?'],
    ['own-employment', 'Wie lange vorher muss ich meine Elternzeit anmelden?'],
    ['own-employment', 'Eine Kollegin fehlt ständig bei den Dienstbesprechungen.'],
    ['own-employment', 'Wie melde ich mich als Lehrerin richtig krank?'],
    ['own-employment', 'Ein Mitarbeiter in unserem Büro fehlt ständig unentschuldigt.'],
    ['own-employment', 'my colleague is absent a lot, what can I do'],
    ['own-employment', 'As a teacher, after how many sick days do I need a doctor’s note?'],
    ['own-employment', 'Kann ich als Lehrer auf Teilzeit reduzieren, solange mein Kind unter drei ist?'],
    ['own-employment', 'Mein Chef will, dass ich im Urlaub aufs Diensthandy reagiere.'],
    // Asked of the asker, not by the asker.
    [
      'own-employment',
      'Meine Schulleiterin verlangt ab dem ersten Krankheitstag ein Attest von mir, weil ich oft krank war.',
    ],
    // One clause, the asker its subject and the illness its state, however many words between.
    [
      'own-employment',
      'Ich bin Lehrerin an einer Realschule und selbst seit zwei Wochen wegen eines Bandscheibenvorfalls krankgeschrieben.',
    ],
    [
      'own-employment',
      'Ich bin seit zwei Wochen mit einem Bandscheibenvorfall krankgeschrieben. Was muss ich abgeben?',
    ],
    ['other-offence', 'Wie hoch ist das Bußgeld fürs Rauchen vor dem Schultor?'],
    ['other-offence', 'I got a parking ticket in front of the school, can I appeal?'],
    ['other-offence', 'bußgeld falschparken dortmund wie hoch'],
    ['other-offence', 'Bußgeldbescheid wegen Rotlichtverstoß – Einspruch?'],
    ['other-place', 'Wie bekomme ich einen Kita-Platz über das Jugendamt?'],
    ['other-service', 'Zweitschrift des Abiturzeugnisses bei der Bezirksregierung'],
    ['own-employment', 'Ich war die ganze Woche krank, muss ich das Attest beim Schulamt einreichen?'],
    ['own-employment', 'I have been off sick since Monday, who do I send my note to?'],
    ['other-place', 'Ein Student fehlt ständig in meinem Seminar an der Uni, darf ich ihn vom Schein ausschließen?'],
    ['other-place', 'Unser Lehrling erscheint nicht im Betrieb, nicht in der Berufsschule – darf ich abmahnen?'],
    ['other-offence', 'Hundesteuer anmelden, welches Formular?'],
    ['other-offence', 'Anhörungsbogen wegen Geschwindigkeitsverstoß bekommen, was jetzt?'],
    ['other-service', 'Kann das Jugendamt bei der Umgangsregelung nach der Trennung helfen?'],
    ['other-service', 'Wo beantrage ich Bürgergeld?'],
    ['other-school-matter', 'Gibt es einen Zuschuss über Bildung und Teilhabe für die Klassenfahrt?'],
    ['other-school-matter', 'Braucht die Ausgabe der Leihlaptops einen Beschluss der Schulkonferenz?'],
    ['other-place', 'Meine Nichte (4) fehlt oft in der Kita. Darf die Kita da etwas verlangen?'],
    // A school-age child who stays home when the little ones' Kita is shut: a pupil's absence.
    ['attendance', 'Emre (10) bleibt oft zu Hause, wenn die Kita seiner Geschwister zu hat. Wer hilft der Familie?'],
    ['attendance', 'Lea bleibt morgens oft ganz zuhause. Im Mai ist noch die Klassenfahrt. Wer berät uns?'],
    // A colleague's leave mentioned in passing is not what the question is about.
    ['attendance', 'Ein Schüler ist seit Wochen kaum noch da. Unser Konrektor ist in Elternzeit. Was ist jetzt dran?'],
  ])('%s: "%s"', (verdict, question) => {
    expect(scopeOf(question)).toBe(verdict);
  });

  it.each([
    // The apprentice's teacher asks about the training company: the school's matter, not a workplace question.
    'Ich unterrichte am Berufskolleg. Mein Azubi war sechs Wochen nicht in der Berufsschule, der Meister braucht ihn in der Werkstatt. Gibt es ein Schreiben an den Betrieb?',
    'I teach at a Berufskolleg: my apprentice is kept at work by his employer instead of coming to class. What can we do?',
  ])('the school is the place when its teacher asks about an apprentice: "%s"', (question) => {
    expect(scopeOf(question)).not.toBe('other-place');
  });

  it.each([
    'Was kann ich als Lehrkraft ohne förmliches Verfahren tun?',
    'Wer stellt den Antrag auf Zwangszuführung, ich als Lehrerin?',
    'Eine Kollegin hat den Jungen am Bahnhof gesehen, statt in der Schule.',
    'Wie hoch ist das Bußgeld, wenn ein Schüler ständig fehlt?',
    'Er ist im Gebäude, taucht aber in Mathe nie auf und sitzt in der Mensa.',
    'Kontakt Jugendamt',
    'Wir schreiben die erste Versäumnisanzeige. Ein Kollege ist sicher, dass sie ans Schulamt geht – stimmt das?',
    'Unser Kollegium möchte ein Konzept gegen Absentismus erarbeiten.',
    'Bußgeld bei Schulverweigerung an der Parkschule',
    'Wie hoch ist das Bußgeld bei hundert unentschuldigten Fehlstunden?',
    'Bußgeld gegen die Eltern: was brauche ich für die Anzeige?',
    'Als Lehrerin: ab wann darf ich ein Attest verlangen, wenn ein Schüler oft krank ist?',
    'Mein Schüler ist ständig krank gemeldet, als Klassenlehrerin zweifle ich am Attest.',
    'Die Eltern haben ihn nach dem Umzug nicht angemeldet.',
    'Anhörung des Ausbildungsbetriebs: welcher Vordruck?',
    'Der Azubi fehlt in der Berufsschule, der Betrieb weiß von nichts.',
    'Gibt es eine Fortbildung für Lehrkräfte zum Umgang mit Schulabsentismus?',
    'Jobcenter und Jugendberufshaus: wer hilft nach der Schule weiter?',
    'Mehrere Kolleginnen sind unsicher, wie man Schwänzen von Schulangst unterscheidet.',
    'Die Schülerin fehlt seit der Klassenfahrt – was ist zu tun?',
    // Someone else is ill in the asker's sentence: the pupil's matter.
    'Kann ich vom Vater ein Attest verlangen, wenn der Kleine immer freitags krank ist?',
    'Ich glaube, dass sie gar nicht krank ist – darf ich ein Attest verlangen?',
    // The asker asks for the proof: the school's role, even when a colleague argues about it.
    'Muss ich bei jeder Krankmeldung ein ärztliches Attest verlangen? Eine Kollegin sagt, ab dem 3. Tag sei das Pflicht.',
    // A pupil makes the school the place, also for a hearing of the firm.
    'Gibt es einen Bogen für die Stellungnahme des Ausbilders im Betrieb? Wir wollen den Betrieb eines Schülers anhören.',
  ])('in scope: "%s"', (question) => {
    expect(['in', 'attendance']).toContain(scopeOf(question));
  });

  it.each([
    ['attendance', 'Der Junge fehlt seit Montag unentschuldigt.'],
    ['attendance', 'she keeps skipping school'],
    // Coming rarely is attendance too: a colleague's parental leave in the same story does not make it hers.
    [
      'attendance',
      'Sie kommt seit Wochen nur noch sporadisch, die Klassenkonferenz hat getagt. Unsere Sekretärin ist in Elternzeit.',
    ],
    ['attendance', 'He rarely shows up since the autumn break.'],
    // A pupil often ill is attendance, also on exam days (not the exam rules).
    ['attendance', 'Finn ist auffällig oft krank, fast immer an Tagen mit Klassenarbeit. Die Mutter entschuldigt ihn.'],
    ['in', 'Kontakt Jugendamt'],
    ['in', 'Was macht die Schulpsychologie?'],
    ['own-employment', 'Ein Kollege schwänzt ständig die Lehrerkonferenzen.'],
    ['own-employment', 'Eine Lagermitarbeiterin fehlt häufig unentschuldigt.'],
    ['other-place', 'Mein Sohn fehlt oft in der Kita.'],
    ['other-place', 'Anwesenheitspflicht im Seminar an der TU – wie oft darf ich fehlen?'],
    ['in', 'Wie viele Fehlerpunkte darf man in der Theorieprüfung haben?'],
  ])('%s: "%s" (a pupil\'s attendance named, or nothing against)', (verdict, question) => {
    expect(scopeOf(question)).toBe(verdict);
  });
});

describe('an office with many services, asked about another of them', () => {
  const { engine } = realCore();
  it.each([
    'ordnungsamt lärmbeschwerde nachbar feiert jedes wochenende',
    'Gesundheitsamt Tollwutimpfung vor der Reise',
    'Jugendamt Unterhaltsvorschuss beantragen',
  ])('out of scope: "%s"', (question) => {
    expect(engine.ask(question).reason).toBe('out-of-scope');
  });

  it.each([
    'Kontakt Ordnungsamt',
    'Wann informiere ich das Ordnungsamt über eine Zwangszuführung?',
    'Was macht das Gesundheitsamt bei Schulabsentismus?',
    'Wie erreiche ich das Jugendamt?',
  ])('the office in its role for attendance: "%s"', (question) => {
    expect(engine.ask(question).reason).not.toBe('out-of-scope');
  });
});
