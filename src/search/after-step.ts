import { normalize } from '../text/normalize';

/** "Nach der Anhörung – was nun?", "Gespräche haben nichts gebracht": what was done, when the question asks what follows. */
const AFTER =
  /\bnach (?:der|dem|den|einer|einem|erfolgter|erfolgtem)?\s*([a-z0-9 ]{4,60}?)(?:\s+(?:fehlt|kommt|ist|was|wie|wurde|hat|geht|immer)\b|$)/;
const FAILED =
  /\b([a-z0-9 ]{4,60}?)\s+(?:haben|hat|hatten|hatte)\s+(?:nichts|nicht|kaum)\s+(?:gebracht|geholfen|gewirkt|genutzt|geaendert)\b/;
const DESPITE =
  /\btrotz (?:der|dem|den|des|einer|eines)?\s*([a-z0-9 ]{4,40}?)(?:\s+(?:fehlt|kommt|ist|was|wie|hat|bleibt)\b|$)/;
/** Something was done or failed: "ist raus", "wurde ignoriert", "haben wir gemacht", "hat nichts gebracht". */
const DONE =
  /\b(geschickt|verschickt|rausgegangen|raus|gemacht|durchgefuehrt|gelaufen|erfolgt|eingeschaltet|eingebunden|gestellt|ignoriert|abgeschickt|versandt|verhaengt|stattgefunden|gefuehrt|beschlossen|angehoert|done|sent|held|ignored|filed|issued|imposed|involved)\b/;

const FOLLOWS =
  /\b(was nun|was jetzt|und jetzt|und nun|wie geht (?:es|das) (?:\w+ )?weiter|was ist (?:jetzt|nun) zu tun|naechste[rn]? schritt\w*|was dann|was kommt|wie weiter|wie geht es weiter|naechster schritt|immer noch|weiterhin|danach|noch machen|noch tun|was koennen wir noch|was ist (?:jetzt|nun) dran|was steht (?:jetzt |nun )?an|what now|what should we do|what do we do|what can we do|now what|what next|whats next|next step|what else)\b/;

/** The question asks what comes after something done or failed ("Anhörung gemacht, was jetzt?"). */
export function asksWhatFollows(question: string): boolean {
  const text = normalize(question);
  return FOLLOWS.test(text) || FAILED.test(text) || DESPITE.test(text);
}

/** The question says a step was done and asks what follows, without naming it in a "nach der …" phrase. */
export const reportsDoneAndAsksNext = (question: string): boolean => {
  const text = normalize(question);
  return FOLLOWS.test(text) && DONE.test(text);
};

export function afterWhat(question: string): string | undefined {
  const text = normalize(question);
  const failed = FAILED.exec(text)?.[1] ?? DESPITE.exec(text)?.[1];
  if (failed) return failed.split(' ').slice(-4).join(' ').trim() || undefined;
  if (!FOLLOWS.test(text)) return undefined;
  return AFTER.exec(text)?.[1]?.trim() || undefined;
}
