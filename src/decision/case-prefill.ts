import type { Core } from '../core/bootstrap';
import type { Answers } from '../dialog/flow-engine';
import type { TextReading } from '../dialog/prefill';
import { ANXIETY_OPTION } from '../knowledge/contract';
import type { Step, StepId } from '../knowledge/schema';
import { createCaseReader } from '../search/case-reading';

/**
 * The readings anxiety overrules when both are told: doubted sick notes, unexcused absence (of days or of lessons),
 * parents keeping the child home.
 */
const ANXIETY_OVERRULES: readonly string[] = ['atteste', 'unentschuldigt', 'unterricht', 'zurueckhalten'];

/**
 * What a message tells the guided dialog: the dialog's keyword reading, corrected by the case reading (the latest
 * step done) and by anxiety, which comes first. Also gives the steps the message tells were done.
 */
export function createCasePrefill({ reader, guide, knowledge }: Pick<Core, 'reader' | 'guide' | 'knowledge'>) {
  const stepsDone = createCaseReader(knowledge.steps);
  /** Answers that tell a step is done, first per step (the dialog's "Was wurde schon unternommen?"). */
  const doneOptions = guide.questions
    .flatMap((q) => q.options.map((o) => ({ slot: q.slot, value: o.value, done: o.done })))
    .filter((o) => o.done)
    .filter((o, i, all) => all.findIndex((x) => x.done === o.done) === i);
  const order = (id?: string) => (id ? (knowledge.step(id as StepId)?.order ?? -1) : -1);

  /**
   * "Gespräche, Konferenz, Aufforderung, Anhörung – alles durch": "what was done" is the latest step the case
   * reading finds done (grammar read), when it is later than what the keywords chose.
   */
  function withLatestDone(prefill: Answers, done: readonly Step[]): Answers {
    const latest = done.at(-1);
    const chosen = latest && doneOptions.find((o) => o.done === latest.id);
    // Only a reading the keywords began is corrected: a step named in passing opens no guide.
    if (!latest || !chosen || !(chosen.slot in prefill)) return prefill;
    const current = doneOptions.find((o) => o.slot === chosen.slot && o.value === prefill[chosen.slot]);
    return order(current?.done) < latest.order ? { ...prefill, [chosen.slot]: chosen.value } : prefill;
  }

  /**
   * Anxiety told beside sick notes or absence ("Bauchweh vor jeder Arbeit, die Mutter meldet sie krank") is what
   * the case is about: it never goes the way of doubted sick notes or truancy (and so never to a sanction).
   */
  function anxietyFirst(prefill: Answers, text: TextReading): Answers {
    const { slot, value } = ANXIETY_OPTION;
    const yields = prefill[slot] === undefined || ANXIETY_OVERRULES.includes(prefill[slot]!);
    return yields && prefill[slot] !== value && reader.says(text, slot, value)
      ? { ...prefill, [slot]: value }
      : prefill;
  }

  /**
   * "Der Schulleiter möchte eine schriftliche Aufforderung schicken": a step the keywords took for done but the case
   * reading finds only wished or planned (and not done) is not done: the latest step it finds done stands instead,
   * else "what was done" is left to the dialog.
   */
  function withoutPlanned(prefill: Answers, done: readonly Step[], text: string): Answers {
    const told = Object.entries(prefill).find(([slot, value]) =>
      doneOptions.some((o) => o.slot === slot && o.value === value),
    );
    if (!told) return prefill;
    const step = doneOptions.find((o) => o.slot === told[0] && o.value === told[1])!.done;
    if (done.some((s) => s.id === step) || !stepsDone(text, { planned: true }).some((s) => s.id === step))
      return prefill;
    // The latest step the case reading finds done takes its place, if any.
    const latest = doneOptions.find((o) => o.slot === told[0] && o.done === done.at(-1)?.id);
    const rest = Object.fromEntries(Object.entries(prefill).filter(([slot]) => slot !== told[0]));
    return latest ? { ...rest, [latest.slot]: latest.value } : rest;
  }

  return function read(text: string): { prefill: Answers; done: readonly Step[] } {
    const done = stepsDone(text);
    const reading = reader.read(text);
    const keywords = withoutPlanned(reader.extract(reading), done, text);
    return { prefill: anxietyFirst(withLatestDone(keywords, done), reading), done };
  };
}
