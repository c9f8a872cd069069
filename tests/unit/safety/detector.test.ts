import { describe, expect, it } from 'vitest';
import { readRules } from '../../../src/safety/detector';
import { DANGER_CATEGORIES, type DangerCategory } from '../../../src/safety/rules';

/** Written for these tests from child-protection guidance; none is taken from an evaluation set. */
const CLEAR: Record<DangerCategory, readonly string[]> = {
  general: ['Verdacht auf Kindeswohlgefährdung – was tun?', 'Is this a child protection case?'],
  physical: ['Der Vater schlägt ihn, er hat blaue Flecken.', 'her stepdad slapped her so hard she fell'],
  injury: ['Er hat Striemen auf dem Rücken und fehlt oft.', 'she has bruises on both arms again and says she fell'],
  sexual: [
    'Der Onkel hat gesagt, das bleibt unser Geheimnis.',
    'He says a neighbour touched him in a way he did not like, down there',
  ],
  online: ['Ein Erwachsener aus einem Chat will sich mit ihr treffen.', 'someone online is asking her to send nudes'],
  suicide: ['Sie sagt, sie will nicht mehr leben.', 'he told a friend everyone would be better off without him'],
  'self-harm': [
    'Sie ritzt sich an den Unterarmen.',
    'she wears long sleeves even in the summer heat and has cuts on her wrists',
  ],
  'forced-marriage-fgm': [
    'Sie soll in den Ferien im Heimatland verheiratet werden.',
    'she is afraid she will be married off this summer',
  ],
  witnessing: [
    'Nachts war die Polizei wieder bei ihnen, weil es Streit gab.',
    "they had to go to a women's shelter with their mum",
  ],
  neglect: [
    'Lina kommt seit Tagen in denselben schmutzigen Sachen und hat nie Frühstück dabei.',
    'he is always hungry and steals food from classmates',
    // Treatment withheld.
    'Die Eltern hatten weder Insulin noch Traubenzucker mitgegeben.',
    'Sie hat eine Ohrenentzündung, aber niemand geht mit ihr zum Arzt.',
    'Sie haben ihn gegen ärztlichen Rat aus dem Krankenhaus mitgenommen.',
  ],
  'locked-alone': [
    'Die Kleine war das ganze Wochenende allein zu Hause.',
    'nobody picked him up from school for three days',
  ],
  threat: [
    'Der Bruder droht, sie umzubringen, wenn sie mit Jungs redet.',
    'her uncle threatened to kill her',
    'Sie sagt: „Mein Stiefvater bringt mich um, wenn er das Zeugnis sieht.“',
  ],
  emotional: ['Ein Kind traut sich nicht nach Hause.', 'she is terrified of her father'],
  'substance-crisis': ['Die Mutter ist morgens oft betrunken.', 'his dad is drunk when he picks him up'],
  exploitation: ['Er muss für ältere Jungs Drogen verkaufen.', "she is forced to work in her uncle's shop at night"],
  runaway: [
    'Er ist weggelaufen und schläft seit Tagen draußen.',
    'she ran away and sleeps in the park',
    'Morgens sitzt er oft im Treppenhaus, weil keiner aufmacht.',
  ],
};

describe('child-protection detector: every category, German and English', () => {
  it('has examples for every category', () => {
    expect(Object.keys(CLEAR).sort()).toEqual([...DANGER_CATEGORIES].sort());
  });
  it.each(Object.entries(CLEAR).flatMap(([category, texts]) => texts.map((text) => [category, text])))(
    '%s: "%s" is a clear sign',
    (_category, text) => {
      expect(readRules(text).level).toBe('clear');
    },
  );
});

describe('negation, read in both directions', () => {
  it.each([
    'Es gibt keine Gewalt, er fehlt nur oft.',
    'Ohne akute Gefahr: wann schalte ich das Jugendamt ein?',
    'Ohne jedes Anzeichen einer Gefahr, er schwänzt einfach.',
    'Es gibt keinerlei Hinweise darauf, dass er zu Hause geschlagen wird.',
    'Eine Misshandlung ist ausgeschlossen, der Arzt hat sie untersucht.',
    'no signs of abuse, he just skips school',
    'Er wird nicht geschlagen, die Familie ist sehr liebevoll.',
  ])('a denied danger is no sign: "%s"', (text) => {
    expect(readRules(text).level).toBe('none');
  });

  it.each([
    'Eine Gefährdung sehen wir nicht, die Familie braucht aber Unterstützung.',
    'Akute Gefahr sehe ich keine, er hängt nur draußen rum.',
    'Von Gewalt oder so ist nichts zu sehen.',
    'Misshandlung konnten wir nicht feststellen.',
  ])('a denial after the word ("X sehen wir nicht") is no sign: "%s"', (text) => {
    expect(readRules(text).level).toBe('none');
  });

  it.each([
    'Wir haben keinen konkreten Fall, es geht nur um das Konzept: wer berät bei Verdacht auf Kindeswohlgefährdung?',
    'There is no specific case, we are writing our policy: who do we call about suspected abuse?',
  ])('"no case, only the concept" answers and shows the line (weak): "%s"', (text) => {
    expect(readRules(text).level).toBe('weak');
  });

  it('"kein Fall für Gespräche" judges a case and does not lower it', () => {
    expect(readRules('Das ist kein konkreter Fall für Gespräche mehr, der Vater schlägt ihn.').level).toBe('clear');
  });

  it.each([
    'Was droht ihm, wenn er das Bußgeld nicht zahlt?',
    'Die Kinder kamen eine Woche zu spät aus den Ferien. Droht den Eltern da was?',
  ])('a question about consequences is no threat: "%s"', (text) => {
    expect(readRules(text).level).toBe('none');
  });

  it.each([
    'Der Bruder droht ihr was anzutun, wenn sie redet.',
    'Ihr Onkel droht, sie umzubringen.',
    'Sie sagt, ihre Sachen braucht sie bald nicht mehr.',
    'Er meint, er werde das alles nicht mehr brauchen.',
  ])('the same words as danger still count: "%s"', (text) => {
    expect(readRules(text).level).toBe('clear');
  });

  it.each([
    'Sie traut sich nicht nach Hause.',
    'Er hat seit Tagen nichts gegessen.',
    'Niemand holt die Kleine nachmittags ab.',
    'Er will nicht mehr leben.',
    'she has not eaten anything since Monday',
  ])('a negation that is the danger itself counts: "%s"', (text) => {
    expect(readRules(text).level).toBe('clear');
  });

  it('a break ends the negation: "keine Probleme …, aber" still sees the marks', () => {
    expect(readRules('Keine Probleme mit den Eltern, aber sie hat Striemen am Rücken.').level).toBe('clear');
  });
});

describe('words that only look like danger', () => {
  it.each([
    'Die Eltern schlagen vor, die Anhörung zu verschieben.',
    'Der Papierkram bringt mich noch um den Verstand.',
    'Er hat die Mathearbeit voll verhauen und fehlt beim Nachschreiben.',
    'Schüler hat Angst, das Haus zu verlassen.',
    'Kind hat Angst vor der Schule und will morgens nicht aus dem Haus.',
    'Er geht nach der Schule nach Hause und frühstückt nie.',
    'Wann ist die Verletzung der Schulpflicht ein Fall für das Bußgeld?',
    'Er hat sich beim Fußball den Arm gebrochen, Attest liegt vor.',
    'Die Polizei hat ihn zur Schule gebracht (Zwangszuführung).',
    'Sie hat Hausarrest, weil die Noten schlecht sind.',
    'our project on violence prevention starts next week',
    'she keeps cutting class on Fridays',
    'Die Eltern heiraten am Freitag, das Kind soll dabei sein.',
    'Er hat Läuse, die Behandlung dauert zwei Tage.',
    'Die Hitze im Klassenraum bringt mich echt um, wie trage ich Hitzefrei ein?',
    'When is the next child protection training for new staff?',
    'Sein erwachsener Bruder heiratet in Ankara, darf er dafür beurlaubt werden?',
    'Die Eltern haben kein Attest vom Arzt abgegeben.',
    'Sie wurde aus der Klassen-WhatsApp-Gruppe rausgeworfen und steht in den Pausen allein.',
    'Meine Gespräche reichen nicht, die Familie braucht mehr Unterstützung.',
    'Parents have joint custody. Whose signature counts on a sick note?',
    'Die Mama hat am Sonntag gleich ein Foto vom Gips geschickt.',
    'Emre kann nicht mit, weil an dem Tag die Hochzeit seines älteren Bruders ist.',
    'My class is reading Lord of the Flies, lots of violence and death in it.',
    'Meine Nachbarn feiern jedes Wochenende mit lauter Musik und Gegröle im Treppenhaus.',
    'Kevin kommt weiterhin nicht, er liegt laut Nachbarn bis mittags im Bett.',
  ])('no clear sign in "%s"', (text) => {
    expect(readRules(text).level).not.toBe('clear');
  });

  it.each([
    'Leon boxt seit zwei Jahren im Verein. Montags kommt er manchmal mit einem blauen Auge in die Schule.',
    'Our school has a karate club. Her son came home with bruises after sparring.',
  ])('an injury the text explains (sport) is a weak sign, not a clear one: "%s"', (text) => {
    expect(readRules(text).level).toBe('weak');
  });

  it('an explanation that sounds like an excuse does not lower the signal', () => {
    expect(readRules('Er sei angeblich beim Fußball gefallen, sagt die Mutter, und hat blaue Flecken.').level).toBe(
      'clear',
    );
  });

  it.each([
    ['Die Schulleitung überlegt, eine Versäumnisanzeige zu stellen. Wie läuft das ab?', 'none'],
    ['Er schreibt, er hat sich genau überlegt, wie er es machen würde.', 'clear'],
    ['she said she has planned to die before the summer', 'clear'],
  ])('a plan is only a plan to die when it says how or to die: "%s"', (text, level) => {
    expect(readRules(text).level).toBe(level);
  });

  it.each([
    'Wir planen einen Präventionstag zu Alkohol, Cannabis und anderen Drogen für die 8er.',
    'Unser Schutzkonzept gegen sexualisierte Gewalt muss bis zum Sommer fertig sein.',
    'Die Polizei macht ein Projekt „Sicher im Netz“ zu Sextortion und Cybergrooming.',
    'Eine Schülerin hält ein Referat über Zwangsheirat im Mittelalter.',
    'Wir brauchen eine Fortbildung zum Thema Kinderschutz und Kindeswohlgefährdung.',
    'We are planning a workshop on grooming and sextortion for Year 8.',
  ])('a danger word that a lesson, project or training is about is a weak sign: "%s"', (text) => {
    expect(readRules(text).level).toBe('weak');
  });

  it.each([
    'Nach dem Präventionstag zu Cybergrooming sagte Lisa, der Onkel habe gesagt, das bleibt unser Geheimnis.',
    'Im Unterricht hat sie erzählt, dass ihr Vater sie schlägt.',
    'Beim Projekt zu Mobbing zeigte er mir Striemen auf dem Rücken.',
  ])('a case told beside a lesson or project stays clear: "%s"', (text) => {
    expect(readRules(text).level).toBe('clear');
  });

  it.each([
    'Sie schreibt, es wäre für alle einfacher, wenn sie verschwindet.',
    'He wrote that it would be easier for everyone if he was gone.',
    'Die Mutter sagt, er kommt erst wieder, wenn man nichts mehr sieht.',
    'She is kept home until nothing shows any more.',
  ])('better for all if the child were gone, or kept home until nothing shows, is clear: "%s"', (text) => {
    expect(readRules(text).level).toBe('clear');
  });

  it('a child taken to the home country for good is a threat; leaving home for school and not arriving is not', () => {
    expect(readRules('She was taken to her home country and will never come back to school.').level).toBe('clear');
    expect(readRules('He leaves home every morning but never arrives at school.').level).not.toBe('clear');
  });

  it.each([
    'Er bleibt zu Hause, bis man die Windpocken nicht mehr sieht.',
    'Es wäre für alle leichter, wenn der Baulärm endlich weg ist.',
  ])('an illness that must fade, or noise gone, is no such sign: "%s"', (text) => {
    expect(readRules(text).level).not.toBe('clear');
  });

  it('a single ambiguous word is a weak sign: answer, and show the line', () => {
    expect(readRules('Er hat eine Verletzung an der Hand.').level).toBe('weak');
  });
});
