import { GROUPS } from './concepts';
import { PatternTable } from './matcher';
import { tokenize, type Token } from './tokens';

/**
 * How a match is meant: denied by a negation, asked about as a consequence, the subject of a lesson, a text about no
 * case – the readings the rules share, over one table of word patterns.
 */
export const table = new PatternTable(GROUPS);

/** One text, read once: its words and, per pattern, where they match. */
export interface Reading {
  readonly tokens: readonly Token[];
  readonly at: (pattern: number) => readonly number[];
  readonly is: (pattern: number, position: number) => boolean;
}

const NEGATION = table.id('@NEGATION');
const EVIDENCE = table.id('@EVIDENCE');
const BREAK = table.id('@BREAK');
const POST_DENIAL = table.id('ausgeschlossen|unbegruendet|unbestaetigt|ruled|unfounded|entkraeftet');
/** "Eine Gefährdung sehen wir nicht", "Gewalt ist nicht zu erkennen": seeing or finding, denied after the word. */
const PERCEIVE = table.id(
  'sehen|sehe|sieht|seh|zu|erkennen|erkenne|erkennt|erkennbar|sichtbar|feststell*|festgestellt|bemerkt|bemerken|gibt|vor|vorhanden|see|seen|notice*|found|exist*',
);
const THREAT = table.id('@THREAT');
/** "Wir haben keinen konkreten Fall, es geht nur um das Konzept": the procedure is the topic, no child is named. */
const NO = table.id('kein|keinen|keine|no|not');
const KIND_OF_CASE = table.id('konkret*|aktuell*|bestimmt*|echt*|specific|actual|current|real|particular');
const CASE = table.id('fall|case|anlass|vorfall');
const JUDGED = table.id('fuer|for|mehr|von|of');
/** "Was droht ihm, wenn …?", "droht den Eltern da was?": a question about consequences, not a threat. */
const WHAT = table.id('was|welche|welcher|welches|welchen|what|etwas');
export const ORDINARY_CAUSE = table.id('@ORDINARY_CAUSE');
export const SUSPICION = table.id('@SUSPICION');
/** An explanation the text itself doubts: an excuse, a repeat, something odd. */
export const DOUBT = table.id(
  'angeblich|behauptet*|supposedly|claims|claimed|ausrede*|excuse*|erneut|staendig|again|repeatedly|unerklaer*|komisch|seltsam|merkwuerdig|odd|strange|weird',
);

/**
 * A lesson, project, training, concept or definition that a danger word is the subject of ("Präventionstag zu
 * Cannabis", "Schutzkonzept gegen sexualisierte Gewalt", "Referat über Zwangsheirat"): discussed, not happening.
 */
const FRAME = table.id(
  'praevention*|prevention|projekt*|project*|workshop*|fortbildung*|schulung*|unterricht*|reihe|referat*|vortrag*|thema|themen|topic|schutzkonzept*|konzept*|roman|novel|buch|book|krimi|film|lektuere|diskut*|discuss*|unterschied|difference|aufklaerung*|awareness|lesson*|kurs|course|essay|aufsatz|facharbeit',
);
const ABOUT = table.id('zu|zum|zur|ueber|gegen|um|about|on|against|zwischen|between|regarding');
const AND = table.id('und|oder|sowie|and|or');
/** Words that may stand between the "about" and the danger word ("zu Alkohol, Cannabis und …"), "und" not counted. */
const SUBJECT_WORDS = 3;

/** The text tells the sign was checked and is fine: agreed, confirmed, a result, a caring family, said laughing. */
export const REASSURED = table.id(
  'abgesprochen|einverstanden|zugestimmt|erlaubnis|genehmigt|bestaetigt|confirmed|confirms|ergebnis|unbedenklich|harmlos|entwarnung|fuersorglich|zugewandt|liebevoll|gelacht|lachend|grinsend|scherzhaft|joking|laughing|kidding|jokingly',
);

/** How far a plain negation reaches back ("keine Gewalt", "wird nicht geschlagen"). */
const NEGATION_REACH = 2;
/** "Keinerlei Hinweise darauf, dass er zu Hause geschlagen wird": a negated evidence word reaches further. */
const EVIDENCE_REACH = 12;

export function read(text: string): Reading {
  const tokens = tokenize(text);
  const positions = table.positions(tokens);
  const at = (pattern: number) => positions.get(pattern) ?? [];
  return { tokens, at, is: (pattern, position) => at(pattern).includes(position) };
}

/** Is this match denied by a negation in its sentence ("keine Anzeichen für …", "Gewalt ausgeschlossen")? */
export function denied(r: Reading, at: readonly number[]): boolean {
  const first = Math.min(...at);
  const last = Math.max(...at);
  const sentence = r.tokens[first]!.sentence;
  const inSentence = (i: number) => i >= 0 && i < r.tokens.length && r.tokens[i]!.sentence === sentence;
  for (let j = first - 1; j >= first - EVIDENCE_REACH && inSentence(j); j--) {
    if (r.is(BREAK, j)) break;
    if (!r.is(NEGATION, j)) continue;
    if (first - j <= NEGATION_REACH) return true;
    if ([1, 2, 3].some((k) => j + k < first && r.is(EVIDENCE, j + k))) return true;
  }
  // A negation inside the match: "wird nicht geschlagen".
  for (let j = first + 1; j < last; j++) if (r.is(NEGATION, j) && !at.includes(j)) return true;
  for (let j = last + 1; j <= last + 4 && inSentence(j); j++) if (r.is(POST_DENIAL, j)) return true;
  return deniedAfter(r, last, inSentence) || at.some((j) => asksConsequence(r, j));
}

/** The word order of a denial that follows: "Gewalt sehen wir keine", "eine Gefahr ist nicht zu sehen". */
function deniedAfter(r: Reading, last: number, inSentence: (i: number) => boolean): boolean {
  let perceived = false;
  let negated = false;
  for (let j = last + 1; j <= last + 5 && inSentence(j); j++) {
    if (r.is(BREAK, j)) break;
    perceived ||= r.is(PERCEIVE, j);
    negated ||= r.is(NEGATION, j);
  }
  return perceived && negated;
}

/** A threat word asked about as a consequence: "was" just before it, or closing the sentence shortly after. */
function asksConsequence(r: Reading, j: number): boolean {
  if (!r.is(THREAT, j)) return false;
  if (j > 0 && r.is(WHAT, j - 1) && r.tokens[j - 1]!.sentence === r.tokens[j]!.sentence) return true;
  const sentence = r.tokens[j]!.sentence;
  for (let k = j + 1; k <= j + 4 && k < r.tokens.length && r.tokens[k]!.sentence === sentence; k++) {
    const closes = k + 1 >= r.tokens.length || r.tokens[k + 1]!.sentence !== sentence;
    if (r.is(WHAT, k) && closes) return true;
  }
  return false;
}

/** The match is what a lesson, project or training is about: "<frame> zu|über|gegen … <match>" in its sentence. */
export function isSubject(r: Reading, at: readonly number[]): boolean {
  const first = Math.min(...at);
  const sentence = r.tokens[first]!.sentence;
  const inSentence = (i: number) => i >= 0 && r.tokens[i]!.sentence === sentence;
  let words = 0;
  for (let j = first - 1; j >= 0 && inSentence(j) && words <= SUBJECT_WORDS; j--) {
    if (r.is(AND, j)) continue;
    if (r.is(ABOUT, j)) {
      for (let k = j - 4; k < first; k++) if (k !== j && inSentence(k) && r.is(FRAME, k)) return true;
    }
    words++;
  }
  return false;
}

/** The text says there is no case ("kein konkreter Fall", "no specific case"). */
export function tellsNoCase(r: Reading): boolean {
  return r.at(CASE).some((c) => {
    const before = (k: number) => c - k >= 0 && r.tokens[c - k]!.sentence === r.tokens[c]!.sentence;
    // "kein Fall für Gespräche mehr" judges a case; "kein konkreter Fall" says there is none.
    const judged = c + 1 < r.tokens.length && r.is(JUDGED, c + 1);
    return !judged && before(2) && r.is(NO, c - 2) && r.is(KIND_OF_CASE, c - 1);
  });
}
