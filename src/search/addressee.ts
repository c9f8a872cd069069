import type { Form } from '../knowledge/schema';
import { normalize } from '../text/normalize';
import { sentencesOf } from '../text/sentences';

export type Addressee = NonNullable<Form['addressee']>;

/** The parties a hearing or a form can be for (global patterns: every mention is read). */
const PARTIES: readonly [Addressee, RegExp][] = [
  ['eltern', /\b(?:eltern\w*|mutter|vater|mama|papa|erziehungsberechtigt\w*|parents?|mother|father|mum|mom|dad)\b/g],
  [
    'jugendliche',
    /\b(?:schueler(?:in)?|jugendlich\w*|\d{1,2} ?jaehrig\w*|azubi\w*|auszubildend\w*|lehrling\w*|(?:ihn|sie|ihm|ihr) (?:selbst|selber)|himself|herself|pupil|student|apprentice\w*|trainee)\b/g,
  ],
  ['betrieb', /\b(?:\w*betrieb\w*|ausbilder\w*|firma|arbeitgeber\w*|chef\w*|employer|company)\b/g],
];
/** A sentence about the hearing or its paper: the parties named there are the ones asked about. */
const ABOUT_HEARING =
  /\b(?:anhoer\w*|\w*angehoert|anzuhoeren|stellungnahme|\w*bogen|\w*schreiben|vordruck\w*|formular\w*|hearing|letter|form|(?:gegen|against) (?:den|die|das|the) )/;
/** "nicht (für|an) die Mutter", "not the parents": that party is ruled out. */
const NEGATED =
  /\b(?:nicht|kein\w*|not|no|statt|anstatt|instead of) (?:(?:fuer|an|for|to|die|den|der|das|the|seine|ihre|his|her) ){0,2}$/;

/** "nicht nur die Eltern, sondern …": that party is not the one asked about, nor ruled out. */
const NOT_ONLY =
  /\b(?:nicht nur|not only|not just) (?:(?:fuer|an|for|to|die|den|der|das|the|seine|ihre|his|her) ){0,2}$/;
/** "Timo selbst", "Lea selber": a pupil named by first name, the hearing for the young person. */
const NAMED_SELF = /\b(\p{Lu}\p{Ll}+) (?:selbst|selber)\b/gu;
/** Nouns that stand before "selbst" too ("die Mutter selbst", "die Schule selbst"): no pupil's name. */
const NOT_A_NAME =
  /^(?:eltern\w*|mutter|vater|mama|papa|\w*betrieb\w*|ausbilder\w*|firma|chef\w*|schule\w*|schulleit\w*|lehrer\w*|klassenleit\w*|kolleg\w*|\w*amt|behoerde\w*|familie)$/;
const namesPupilSelf = (raw: string) =>
  [...raw.replace(/^\s*\S+/, '').matchAll(NAMED_SELF)].some((m) => !NOT_A_NAME.test(normalize(m[1]!)));

/** Which parties a message wants a hearing or form for, and which it rules out. */
export function addresseesIn(message: string): { wanted: Set<Addressee>; ruledOut: Set<Addressee> } {
  const wanted = new Set<Addressee>();
  const ruledOut = new Set<Addressee>();
  for (const raw of sentencesOf(message, { colon: false })) {
    const sentence = normalize(raw);
    if (!ABOUT_HEARING.test(sentence)) continue;
    for (const [party, pattern] of PARTIES) {
      for (const m of sentence.matchAll(pattern)) {
        const before = sentence.slice(0, m.index);
        if (NEGATED.test(before)) ruledOut.add(party);
        else if (!NOT_ONLY.test(before)) wanted.add(party);
      }
    }
    if (namesPupilSelf(raw)) wanted.add('jugendliche');
  }
  for (const party of ruledOut) wanted.delete(party);
  return { wanted, ruledOut };
}
