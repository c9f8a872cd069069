import { normalize } from './normalize';

/** "Nach der Anhörung – was nun?": the words naming what is done, when the question asks what follows. */
const AFTER =
  /\bnach (?:der|dem|den|einer|einem|erfolgter|erfolgtem)?\s*([a-z0-9 ]{4,60}?)(?:\s+(?:fehlt|kommt|ist|was|wie|wurde|hat|geht|immer)\b|$)/;
const FOLLOWS =
  /\b(was nun|was jetzt|was dann|was kommt|wie weiter|wie geht es weiter|naechster schritt|immer noch|weiterhin|danach)\b/;

export function afterWhat(question: string): string | undefined {
  const text = normalize(question);
  if (!FOLLOWS.test(text)) return undefined;
  return AFTER.exec(text)?.[1]?.trim() || undefined;
}
