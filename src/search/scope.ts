import { normalize } from '../text/normalize';

/**
 * Whose situation a question is about, and in which role it asks an office. The bot answers questions
 * about pupils' (and apprentices') school attendance and the network's agencies and offers in that role;
 * the asker's own employment, other offences and the same offices' other services are out of scope.
 */
export type ScopeVerdict = 'in' | 'own-employment' | 'other-offence' | 'other-service';

const word = (alternatives: string) => new RegExp(`\\b(?:${alternatives})`, 'u');

/** Attendance of a pupil: the domain's own matter. */
const ATTENDANCE = word(
  [
    'fehl',
    'schwaenz',
    'abwesen',
    'absen',
    'absentismus',
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
    'anhoerung',
    'kommt nicht',
    'nicht (?:mehr )?(?:zur|in die) schule',
    'not (?:coming|turning up|attending)',
    'stays? (?:at )?home',
    'zu hause (?:bleibt|behalten|gelassen)',
    'bleibt (?:zu hause|daheim)',
    'missing school',
    'misses school',
    'drop(?:s|ped)? out',
    'school refusal',
    'attendance',
    'fernbleib',
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

/** The asker's own health at work: sick days, a sick note for the employer. */
const OWN_HEALTH = word(
  'krank|krankheitstag|krankmeld|krankschreib|arbeitsunfaehig|au fuer|bem|attest|sick|doctor s note|doctors note',
);

/**
 * Someone at work other than a pupil is the one absent ("Eine Kollegin fehlt ständig"): not the bot's matter.
 * A colleague who only tells or argues ("Ein Kollege ist sicher, dass …") does not make it one.
 */
const COLLEAGUE_WORD =
  'kollege|kollegen|kollegin|kolleginnen|colleague\\w*|mitarbeit\\w*|employee\\w*|staff member|lehrkraeft\\w*|teachers';
const ABSENT_WORD = 'fehl\\w*|abwesen\\w*|absen\\w*|skip\\w*|schwaenz\\w*|krank\\w*|missing|misses';
const COLLEAGUE_ABSENT = new RegExp(
  `\\b(?:${COLLEAGUE_WORD})\\b(?:\\s+\\S+){0,6}?\\s+(?:${ABSENT_WORD})|\\b(?:${ABSENT_WORD})(?:\\s+\\S+){0,6}?\\s+(?:${COLLEAGUE_WORD})\\b`,
  'u',
);

/** A fine or report for something other than missing school. */
const FINE = word('bussgeld|busgeld|knoellchen|strafzettel|verwarnungsgeld|anzeige|fine|ticket|penalty');
/**
 * Other offences: at a word's start ("Rauchverbot", "Hundesteuer"), or as the tail of a compound ("Falschparken",
 * "Rotlichtverstoß") – never inside an ordinary word ("brauche", "hundert", "Kleinen").
 */
const OTHER_OFFENCE = new RegExp(
  [
    '\\b(?:rauch|zigarett|hund(?!ert)|leine\\b|geblitzt|blitzer|geschwindigkeit|rotlicht|ampel|tempo\\w*(?:verstoss|limit|kontroll)',
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
    'childcare',
    'timetable',
    'school bus',
    'exam rules',
  ].join('|'),
);

/** The asker's own child is not a pupil of the question ("solange mein Kind unter drei ist"). */
const MY_CHILD = /\b(?:mein(?:e|em|en)?|my) (?:kind|kinder|sohn|tochter|child|kids?|son|daughter)\b/g;

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
  if (SELF_IN_ROLE.test(text) && (employmentMatter || OWN_HEALTH.test(text)) && !someonesPupil) return 'own-employment';
  if (COLLEAGUE_ABSENT.test(text) && !pupil) return 'own-employment';
  if (attendance) return 'in';
  if (FINE.test(text) && OTHER_OFFENCE.test(text)) return 'other-offence';
  if (OTHER_SERVICE.test(text)) return 'other-service';
  return 'in';
}
