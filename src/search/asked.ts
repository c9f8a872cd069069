import { normalize } from '../text/normalize';
import { sentencesOf } from '../text/sentences';

/**
 * What a message asks, read from its questions (in a long story the question comes last):
 * - next-step: what to do now, how it goes on;
 * - fact: what the rules say, whether something is so, how much, who is meant – answered, not guided;
 * - none: no question to read (a story, a keyword query).
 */
export type Asked = 'next-step' | 'fact' | 'none';

const NEXT_STEP =
  /\b(?:was (?:nun|jetzt|tun|dann|kommt)|und (?:jetzt|nun|dann)|wie (?:geht(?:s| es| das)|gehts|gehen wir|machen wir)\b(?: \w+){0,2} weiter|wie weiter|naechste[nrs]? (?:\w+ )?schritt\w*|was (?:muss|soll|sollte) (?:\w+ ){0,6}(?:passieren|geschehen|erfolgen|rausgehen)|was (?:soll|sollte|sollten|kann|koennen|koennte|koennten|muss|muessen|mache|machen) (?:ich|wir)\b(?: \w+){0,4} (?:tun|machen|unternehmen)|was (?:ist|steht|waere) (?:\w+ )?(?:jetzt |nun )?(?:zu tun|dran|an)|wie (?:soll|sollen|sollte|sollten) (?:ich|wir) (?:\w+ ){0,3}(?:vorgehen|reagieren|handeln|weitermachen)|what (?:now|next|should (?:i|we) do|do (?:i|we) do|can (?:i|we) do)|now what|next step|how (?:do|should) (?:i|we) (?:proceed|go on|handle|deal))\b/;

/** A question about the rules or a fact: it starts with a verb or a question word that asks for one. */
const FACT =
  /^(?:stimmt|ist|sind|hat|haben|wird|werden|kann|koennen|darf|duerfen|muss|muessen|gilt|gelten|gibt es|gibts|reicht|zaehlt|zaehlen|braucht|brauche|brauchen|bekommt|bekommen|droht|drohen|ab welche[mn]?|ab wann|bis wann|ab wie viel\w*|wie hoch|wie viel\w*|wieviel\w*|wie lange|wie oft|was (?:ist|sind|bedeutet|kostet|passiert|gilt|droht|heisst|macht|machen)|wer|wen|wem|wohin|an wen|bei wem|welche[rsmn]?|wo|is|are|does|do|can|could|must|may|who|whom|which|what (?:is|are|happens|age|kind|does)|how (?:much|long|high|often|many)|at what|from what|where|until)\b/;

/** The sentences that ask: those ending in "?", else the last one. */
export function questionsOf(message: string): string[] {
  const sentences = sentencesOf(message);
  const asking = sentences.filter((s) => s.endsWith('?'));
  return asking.length ? asking : sentences.slice(-1);
}

/** A sentence and its clauses after a comma ("…, oder gilt das?"), normalised. */
const clausesOf = (sentence: string) =>
  [sentence, ...sentence.split(/,\s*(?:und |oder |aber |and |or |but )?/i).slice(1)].map(normalize).filter(Boolean);

export function whatIsAsked(message: string): Asked {
  const questions = questionsOf(message).map(clausesOf);
  if (questions.some(([whole]) => NEXT_STEP.test(whole!))) return 'next-step';
  // A clause after a comma can ask too ("Die Familie verlängert die Ferien, kann …?").
  if (questions.some((clauses) => clauses.some((c) => FACT.test(c)))) return 'fact';
  return 'none';
}

/** "Welcher Vordruck …?", "Which hearing letter …?": the message asks for a form. */
const FORM_WORD =
  /\b(?:vordruck\w*|formular\w*|\w*bogen|\w*schreiben|\w*brief|vorlage\w*|form|forms|template\w*|\w*letter)\b/;

export const asksForForm = (message: string): boolean => questionsOf(message).some((q) => FORM_WORD.test(normalize(q)));

/** "Was für eine Form von Fehlen ist das?", "What kind of absenteeism is this?": the message asks for a kind. */
const KIND_QUESTION =
  /\b(?:(?:was fuer|welche) (?:eine )?(?:art|form)|um was fuer|wie (?:ist|sind|wuerde\w*|kann man|soll\w*) (?:\w+ ){0,4}(?:einordnen|einzuordnen|einstufen|nennen)|ist (?:das|es) (?:schon |eher |noch )?(?:eine? )?(?:schulangst|schulphobie|schwaenzen|schulschwaenzen|absentismus|unterrichtsabsentismus|schulverweigerung|zurueckhalten|trennungsangst)|what (?:kind|type|form|sort) of|is (?:this|that|it) (?:already |still )?(?:school phobia|school refusal|truancy|absenteeism|separation anxiety|school anxiety)|what is this called|wie nennt man)\b/;

export const asksWhatKind = (message: string): boolean =>
  questionsOf(message).some((q) => KIND_QUESTION.test(normalize(q)));
