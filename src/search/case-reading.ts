import type { Step } from '../knowledge/schema';
import { normalize } from '../text/normalize';
import { analyze } from './analyzer';
import { sentencesOf } from '../text/sentences';

/** Something was done or tried: "ist raus", "hatten wir schon", "already held", "hat nichts gebracht". */
const DONE =
  /^(geschickt|verschickt|rausgegangen|raus|gemacht|durchgefuehrt|gelaufen|erfolgt|eingeschaltet|eingebunden|gestellt|ignoriert|abgeschickt|versandt|verhaengt|stattgefunden|gefuehrt|beschlossen|angehoert|getagt|gebracht|geholfen|versucht|durch|schon|bereits|hatten|hatte|trotz|done|sent|held|ignored|filed|issued|imposed|involved|tried|already|had|after)$/;
/** Perfect and passive: an auxiliary with a past participle in the same clause ("hat … angeschrieben"). */
const AUXILIARY = /^(hat|haben|hatte|hatten|habe|ist|sind|war|waren|wurde|wurden|worden)$/;
const PARTICIPLE = /^(?:[a-z]{0,5}ge[a-z]{3,}(?:t|en)|[a-z]{3,}iert)$/;
/** English simple past: "we talked", "the conference met". */
const ENGLISH_PAST = /^(?:[a-z]{3,}ed|met|sent|held|had|did|spoke|wrote|took|gave|made|went|told|brought)$/;
/** A planned or wished step is not done: "ist geplant", "hatten wir überlegt". */
const NOT_DONE =
  /^(geplant|gedacht|angedacht|ueberlegt|gewollt|gewuenscht|vorgesehen|empfohlen|gefragt|planned|wanted|asked|needed|supposed)$/;
/** "Jetzt soll die Anhörung raus", "wird … angehört", "we must send …": a duty, a wish or a future is still to do. */
const MODAL =
  /^(soll|sollen|sollte|sollten|muss|muessen|musste|will|wollen|moechte|moechten|wird|werden|should|must|want|wants|need|needs)$/;
const MODAL_REACH = 4;
/** "noch nicht", "not yet": what follows is not done. */
const NOT_YET = /^(noch|nicht|not|yet|kein|keine|keinen|never)$/;
/** A mention counts as done when a done word stands this close (words, stop words left out) in its sentence. */
const REACH = 6;

interface Mention {
  readonly step: Step;
  readonly terms: readonly string[];
}

/** What a case story tells was already done, read from each step's `mentions`: the case reading. */
export function createCaseReader(steps: readonly Step[]) {
  const mentions: Mention[] = steps.flatMap((step) =>
    step.mentions.map((m) => ({ step, terms: analyze(m) })).filter((m) => m.terms.length > 0),
  );
  const doneWords = (words: readonly string[]) => {
    const perfect = words.some((w) => AUXILIARY.test(w));
    const english = words.some((w) => ENGLISH_PAST.test(w) && !NOT_DONE.test(w)) && /[a-z]/.test(words.join(''));
    return words.flatMap((w, i) => {
      if (NOT_YET.test(words[i - 1] ?? '') || NOT_DONE.test(w)) return [];
      if (words.slice(Math.max(0, i - MODAL_REACH), i).some((m) => MODAL.test(m))) return [];
      const grammatical = (perfect && PARTICIPLE.test(w)) || (english && ENGLISH_PAST.test(w));
      return DONE.test(w) || grammatical ? [i] : [];
    });
  };

  /**
   * Steps named as done, in procedure order; with `planned`, the steps named as wished, due or planned instead
   * ("Der Schulleiter möchte eine schriftliche Aufforderung schicken").
   */
  return function stepsDone(question: string, { planned = false }: { planned?: boolean } = {}): Step[] {
    const found = new Map<string, Step>();
    for (const sentence of sentencesOf(question, { colon: false })) {
      const words = normalize(sentence).split(' ').filter(Boolean);
      const marks = doneWords(words);
      // A duty, a wish or a plan anywhere in the sentence ("möchte … schicken", "ist geplant").
      const planning = words.some((w) => MODAL.test(w) || NOT_DONE.test(w));
      // The stems are read only where the sentence can tell something (done words, or a plan when asked for).
      if (planned ? !planning : marks.length === 0) continue;
      const stems = words.map((w) => analyze(w)[0] ?? '');
      for (const { step, terms } of mentions) {
        const at = stems.findIndex((_, i) => terms.every((t, k) => stems[i + k] === t));
        if (at < 0) continue;
        // "jetzt will ich ein richtiges Gespräch führen": a step wished for is not done.
        const wished = words.slice(Math.max(0, at - MODAL_REACH), at).some((w) => MODAL.test(w));
        const done = !wished && marks.some((m) => Math.abs(m - at) <= REACH + terms.length);
        if (planned ? !done && planning : done) found.set(step.id, step);
      }
    }
    return [...found.values()].sort((a, b) => a.order - b.order);
  };
}

export type CaseReader = ReturnType<typeof createCaseReader>;
