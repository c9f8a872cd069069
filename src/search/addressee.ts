import type { Form } from '../knowledge/schema';
import { normalize } from '../text/normalize';

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
  /\b(?:anhoer\w*|\w*angehoert|anzuhoeren|stellungnahme|\w*bogen|\w*schreiben|vordruck\w*|formular\w*|hearing|letter|form)\b/;
/** "nicht (für|an) die Mutter", "not the parents": that party is ruled out. */
const NEGATED =
  /\b(?:nicht|kein\w*|not|no|statt|anstatt|instead of) (?:(?:fuer|an|for|to|die|den|der|das|the|seine|ihre|his|her) ){0,2}$/;

/** Which parties a message wants a hearing or form for, and which it rules out. */
export function addresseesIn(message: string): { wanted: Set<Addressee>; ruledOut: Set<Addressee> } {
  const wanted = new Set<Addressee>();
  const ruledOut = new Set<Addressee>();
  for (const sentence of message.split(/[.!?;\n]+/).map(normalize)) {
    if (!ABOUT_HEARING.test(sentence)) continue;
    for (const [party, pattern] of PARTIES) {
      for (const m of sentence.matchAll(pattern)) {
        if (NEGATED.test(sentence.slice(0, m.index))) ruledOut.add(party);
        else wanted.add(party);
      }
    }
  }
  for (const party of ruledOut) wanted.delete(party);
  return { wanted, ruledOut };
}
