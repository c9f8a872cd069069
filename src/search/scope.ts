import { ageIn } from '../text/age';
import { normalize } from '../text/normalize';

/**
 * Whose situation a question is about, and in which role it asks an office. The bot answers questions
 * about pupils' (and apprentices') school attendance and the network's agencies and offers in that role;
 * the asker's own employment, other offences and the same offices' other services are out of scope.
 */
export type ScopeVerdict =
  | 'attendance'
  | 'in'
  | 'own-employment'
  | 'other-offence'
  | 'other-service'
  | 'other-school-matter'
  | 'other-place';

const word = (alternatives: string) => new RegExp(`\\b(?:${alternatives})`, 'u');

/** Attendance of a pupil: the domain's own matter. */
const ATTENDANCE = word(
  [
    'fehl(?!er)',
    'schwaenz',
    'abwesen',
    'absen',
    'absentismus',
    'schulabsen',
    'skip',
    'truan',
    'schulpflicht',
    'berufsschulpflicht',
    'schulbesuch',
    'versaeum',
    'unentschuldig',
    'schulverweiger',
    'schulvermeid',
    'schulangst',
    'schulphobie',
    'schulmued',
    'ferienverlaenger',
    'zwangszufuehr',
    'kommt nicht',
    'kommt(?: \\w+){0,4} (?:sporadisch|selten|kaum|unregelmaessig|nie)\\b',
    '(?:rarely|hardly ever|seldom) (?:comes|attends|shows up|turns up)',
    'nicht (?:mehr )?(?:zur|in die) schule',
    'not (?:coming|turning up|attending)',
    'stays? (?:at )?home',
    'zu ?hause (?:bleibt|behalten|gelassen)',
    'bleibt(?: \\w+){0,3} (?:zu hause|zuhause|daheim)',
    '(?:kaum|selten|nie) (?:noch |mehr )?da\\b',
    'missing school',
    'misses school',
    'drop(?:s|ped)? out',
    'school refusal',
    'attendance',
    'fernbleib',
    // Often ill as a pupil's absence ("auffällig oft krank, fast immer an Tagen mit Klassenarbeit").
    '(?:oft|haeufig|staendig|dauernd|immer wieder|auffaellig oft) krank',
    'krank ?gemeldet',
    'nicht angemeldet',
    'taucht',
  ].join('|'),
);

/** A pupil, a child, an apprentice, the parents as parents: the subject the bot is for. */
const PUPIL = word(
  'schueler|kind|kinder|sohn|tochter|junge|maedchen|jugendlich|azubi|auszubildend|lehrling|klasse|erstklaessler|pupil|student|child|kid|son|daughter|apprentice|boy|girl|grader|eltern|parents|mutter|vater',
);

/** The asker's own employment: own illness, leave, contract, career, accident. */
const EMPLOYMENT = word(
  [
    'selbst (?:seit \\w+ \\w+ )?krank',
    'mein(?:e|en|er)? (?:eigene|gehalt|dienst|elternzeit|teilzeit|versetzung|stelle|vertrag|arbeitgeber|krankschreibung|urlaub|lehramt|abschluss|fahrrad|auto)',
    'my own',
    'my (?:salary|contract|leave|sick note|bike|car)',
    'elternzeit',
    'teilzeit beantrag',
    'dienstunfall',
    'versetzungsantrag',
    'beihilfe',
    'besoldung',
    'lehramtsabschluss',
    'lehramtsanerkennung',
    'arbeitsvertrag',
  ].join('|'),
);

/**
 * The asker speaks of themselves in their job ("als Lehrerin", "as a teacher", "melde ich mich krank"): with no
 * pupil in the question, it is about the asker's own situation.
 */
const SELF_IN_ROLE = word(
  [
    'als (?:lehrer|lehrerin|lehrkraft|klassenlehrer\\w*|schulleiter\\w*|referendar\\w*|beamt\\w*|angestellte\\w*)',
    'as an? (?:teacher|head ?teacher|principal|trainee teacher|employee)',
    '(?:melde|meld) ich mich (?:\\w+ ){0,2}krank',
    'mich krank (?:melden|gemeldet)',
    'mein(?:e|en|em|er)? (?:chef\\w*|schulleitung|dienstherr\\w*|arbeitgeber\\w*|vorgesetzt\\w*)',
    'my (?:boss|employer|principal|head teacher|manager)',
  ].join('|'),
);

/** Matters of anyone's employment: hours, pay, leave, staff representation. */
const EMPLOYMENT_MATTER = word(
  'teilzeit|mehrarbeit|ueberstunden|deputat|pflichtstunden|personalrat|dienstunfaehig|dienstvereinbarung|diensthandy|gehalt|besoldung|urlaubsanspruch|sonderurlaub|befoerderung|verbeamtung|probezeit|kuendigung|abmahnung|part[- ]time|overtime|salary|sick pay|sick leave|maternity|parental leave|annual leave',
);

/** The asker says they themselves are or were ill ("ich war drei Tage krank", "weil ich oft krank war", "I was off sick"). */
const SELF_ILL =
  /\b(?:ich (?:bin|war|wurde)(?: \w+){0,4} (?:krank|krankgeschrieben|arbeitsunfaehig)|ich(?: \w+){0,4} (?:krank|krankgeschrieben|arbeitsunfaehig)(?: gewesen)? (?:bin|war|wurde)|i (?:am|was|have been|ve been)(?: \w+){0,3} (?:sick|ill|off sick))\b/u;
/** Illness as a state, not the topic ("Krankmeldungen" of pupils are the topic). */
const ILL = /^(?:krank|krankgeschrieben|krankgemeldet|arbeitsunfaehig|dienstunfaehig)$/;
/** Someone else takes the clause over ("ich glaube, dass sie krank ist", "ich habe ihn krankgemeldet"). */
const OTHER_SUBJECT =
  /^(?:er|sie|es|ihr|ihn|ihm|man|dass|ob|wenn|weil|obwohl|he|she|they|him|her|that|if|when|because)$/;
const ILL_REACH = 20;

/**
 * "Ich bin Lehrerin an einer Realschule und selbst seit zwei Wochen wegen eines Bandscheibenvorfalls
 * krankgeschrieben": in one clause the asker is the subject and the illness its state, nobody else in between.
 */
function selfIll(question: string): boolean {
  if (SELF_ILL.test(normalize(question))) return true;
  return question.split(/[,.;:!?()\n]+/).some((clause) => {
    const words = normalize(clause).split(' ').filter(Boolean);
    const ich = words.indexOf('ich');
    if (ich < 0) return false;
    const ill = words.findIndex((w, i) => i > ich && i - ich <= ILL_REACH && ILL.test(w));
    return ill > ich && !words.slice(ich + 1, ill).some((w) => OTHER_SUBJECT.test(w));
  });
}

/**
 * A place that is not a school: a university, a workplace. Absence there is someone else's matter, unless the
 * school itself is in the question ("Azubi fehlt in der Berufsschule, der Betrieb weiß nichts").
 */
const OTHER_PLACE = word(
  'hochschule|universit|uni\\b|fh\\b|tu\\b|kita|kindergarten|studium|studier|semester|pruefungsamt|exmatrikul|im betrieb|in der werkstatt|in die werkstatt|am arbeitsplatz|arbeitgeber|uni exam|workplace|at work|employer',
);
/** The school is in the question: a school word, or a pupil ("der Ausbildungsbetrieb eines Schülers"). */
const SCHOOL_PLACE =
  /\b(?:schul|berufsschul|berufskolleg|unterricht|klasse|klassen|lehrer|school|class|lesson|schueler|pupil)/u;
/** "nicht Berufsschule, im Betrieb!": the text itself says the school is not the place. */
const NOT_SCHOOL =
  /\b(?:nicht|not|kein\w*) (?:in der |in die |an der |the |at )?(?:berufsschule|schule|school|berufskolleg)\b/u;

/**
 * The asker asks for the proof ("Muss ich bei jeder Krankmeldung ein Attest verlangen?", "can we require a
 * doctor's note?"): the school's role towards pupils, not the asker's own sick note.
 */
const ASKS_FOR_PROOF =
  /\b(?:ich|wir|i|we)\b(?:\s+\S+){0,8}?\s+(?:verlangen|anfordern|einfordern|fordern|require|request|demand|ask for)\b/u;

/** The asker's own health at work: sick days, a sick note for the employer. */
const OWN_HEALTH = word(
  'krank|krankheitstag|krankmeld|krankschreib|arbeitsunfaehig|au fuer|bem|attest|sick|doctor s note|doctors note',
);

/**
 * Someone at work other than a pupil is the one absent ("Eine Kollegin fehlt ständig"): not the bot's matter.
 * A colleague who only tells or argues ("Ein Kollege ist sicher, dass …") does not make it one.
 */
const COLLEAGUE_WORD =
  'kollege|kollegen|kollegin|kolleginnen|colleague\\w*|\\w*mitarbeit\\w*|employee\\w*|staff member|lehrkraeft\\w*|teachers';
/** Someone being away – not the topic's name ("Absentismus", "absenteeism"). */
const ABSENT_WORD =
  'fehlt|fehlen|fehlte\\w*|fehltag\\w*|fehlzeit\\w*|abwesen\\w*|absent|absence\\w*|skip\\w*|krank\\w*|missing|misses';
const COLLEAGUE = new RegExp(`\\b(?:${COLLEAGUE_WORD})\\b`, 'u');
/** A person being away right now ("fehlt", "schwänzt"), not the topic ("Fehlzeiten"). */
const SOMEONE_ABSENT = /\b(?:fehlt|fehlen|fehlte|abwesend|schwaenzt|absent|krank\w*|missing|misses|skips)\b/u;
const COLLEAGUE_ABSENT = new RegExp(
  `\\b(?:${COLLEAGUE_WORD})\\b(?:\\s+\\S+){0,6}?\\s+(?:${ABSENT_WORD})\\b|\\b(?:${ABSENT_WORD})\\b(?:\\s+\\S+){0,6}?\\s+(?:${COLLEAGUE_WORD})\\b`,
  'u',
);

/**
 * Other offences: at a word's start ("Rauchverbot", "Hundesteuer"), or as the tail of a compound ("Falschparken",
 * "Rotlichtverstoß") – never inside an ordinary word ("brauche", "hundert", "Kleinen").
 */
const OTHER_OFFENCE = new RegExp(
  [
    '\\b(?:knoellchen|strafzettel|rauch|zigarett|hund(?!ert)|leine\\b|geblitzt|blitzer|geschwindigkeit|rotlicht|ampel|tempo\\w*(?:verstoss|limit|kontroll)',
    'radar|impf|masern|laerm|muell|graffiti|fahrrad|geklaut|diebstahl|smok|dog|speed|red light|litter|vaccin|stolen',
    'theft|alkohol|parking)',
    'park(?:en|verbot|ausweis|platz|schein|gebuehr|uhr|ticket|haus|knoellchen)|\\w+(?:laerm|muell|rotlicht)',
  ].join('|'),
  'u',
);

/** An agency's services that are not about attendance. */
const OTHER_SERVICE = word(
  [
    'kita',
    'kindergarten',
    'elterngeld',
    'kindergeld',
    'unterhalt',
    'wohngeld',
    'anmeldeverfahren',
    'ogs',
    'elternbeitrag',
    'schulbuch',
    'lernmittel',
    'zweitschrift',
    'abiturzeugnis',
    'zeugnis(?:se)? beantragen',
    'anerkennung',
    'klassenarbeit',
    'stundenplan',
    'vertretungsplan',
    'notenschnitt',
    'nachteilsausgleich',
    'schuelerfahrkarte',
    'schuelerticket',
    'hitzefrei',
    'abitur(?:pruefung|regel)',
    'sorgerecht',
    'umgang(?:srecht|sregel|spfleg)',
    'buergergeld',
    'arbeitslosengeld',
    'infektionsschutz',
    'gewerbe',
    'einbuergerung',
    'aufenthalt(?:stitel|serlaubnis)',
    'fuehrerschein',
    'steuer',
    'miete',
    'childcare',
    'custody',
    'timetable',
    'school bus',
    'exam rules',
    'tax\\b',
  ].join('|'),
);

/** The school's other business: trips, equipment, exams and grades, staff, careers. */
const OTHER_SCHOOL_MATTER = word(
  [
    'klassenfahrt',
    'bildung und teilhabe',
    'leih(?:geraet|laptop|vertrag)',
    'laptop',
    'tablet',
    'ipad',
    'wlan',
    'zulassung',
    'staatsexamen',
    'referendariat',
    'pruefungstermin',
    'stellenausschreibung',
    'raumbuchung',
    'school trip',
    'field trip',
    'grading',
  ].join('|'),
);

/** Kita and Kindergarten are the place of children under six; "Emre (10) … wenn die Kita zu hat" is a pupil's. */
const NURSERY = /\b(?:kita|kindergarten)/u;
const schoolAgeTold = (question: string) => (ageIn(question) ?? 0) >= 6;
/** The asker teaches or leads at a school ("Ich unterrichte am Berufskolleg", "Ich bin Klassenlehrerin", "I teach"). */
const SCHOOL_STAFF = word(
  'ich unterrichte|ich bin (?:\\w+ ){0,2}(?:lehrer|lehrerin|klassenlehrer\\w*|schulleiter\\w*|abteilungsleiter\\w*|schulsozialarbeiter\\w*)|i teach|i am a teacher|i m a teacher',
);
const APPRENTICE = word('azubi|auszubildend|lehrling|apprentice');
/**
 * Another place than school is where the question is: a university, a workplace, a nursery (for a young child). An
 * apprentice's teacher asking about the training company ("der Meister braucht ihn in der Werkstatt") asks as school.
 */
function otherPlace(question: string, text: string): boolean {
  if (!OTHER_PLACE.test(text)) return false;
  if (APPRENTICE.test(text) && SCHOOL_STAFF.test(text)) return false;
  const besidesNursery = OTHER_PLACE.test(text.replace(new RegExp(NURSERY.source, 'gu'), ' '));
  return besidesNursery || !schoolAgeTold(question);
}

/** The asker's own child is not a pupil of the question ("solange mein Kind unter drei ist"). */
const MY_CHILD = /\b(?:mein(?:e|em|en)?|my) (?:kind|kinder|sohn|tochter|child|kids?|son|daughter)\b/g;

/** 'attendance': the question names a pupil's attendance; 'in': nothing says it is someone else's matter. */
export function scopeOf(question: string): ScopeVerdict {
  const text = normalize(question);
  const attendance = ATTENDANCE.test(text);
  const pupil = PUPIL.test(text);
  /** A pupil other than the asker's own child. */
  const someonesPupil = pupil && PUPIL.test(text.replace(MY_CHILD, ''));
  const employmentMatter = EMPLOYMENT_MATTER.test(text);
  const pupilAttendance = attendance && pupil;
  if (EMPLOYMENT.test(text) && !pupilAttendance) return 'own-employment';
  if (employmentMatter && !pupilAttendance && !someonesPupil) return 'own-employment';
  const ill = selfIll(question);
  const asksForProof = ASKS_FOR_PROOF.test(text) && OWN_HEALTH.test(text) && !ill;
  if (SELF_IN_ROLE.test(text) && (employmentMatter || OWN_HEALTH.test(text)) && !someonesPupil && !asksForProof)
    return 'own-employment';
  if ((COLLEAGUE_ABSENT.test(text) || (COLLEAGUE.test(text) && SOMEONE_ABSENT.test(text))) && !pupil && !asksForProof)
    return 'own-employment';
  if (ill && !pupilAttendance) return 'own-employment';
  if (otherPlace(question, text) && (NOT_SCHOOL.test(text) || !SCHOOL_PLACE.test(text))) return 'other-place';
  if (attendance) return 'attendance';
  // No pupil's attendance in the question: another matter named is what it is about.
  if (OTHER_OFFENCE.test(text)) return 'other-offence';
  if (OTHER_SERVICE.test(text)) return 'other-service';
  if (OTHER_SCHOOL_MATTER.test(text)) return 'other-school-matter';
  return 'in';
}
