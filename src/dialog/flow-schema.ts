import { z } from 'zod';
import { AgencyId, FormId, Id, NonEmpty, StepId } from '../knowledge/schema';

/** Slot conditions: every named slot must hold one of the listed values. */
export const Condition = z.record(Id, z.array(Id).min(1));
export type Condition = z.infer<typeof Condition>;

export const Option = z
  .object({
    value: Id,
    title: NonEmpty,
    /** Words or phrases that choose this option when typed or found in a case description. */
    keywords: z.array(NonEmpty).default([]),
    /** Inclusive age range this option stands for (for age questions). */
    age: z.tuple([z.number().int().min(0), z.number().int().max(99)]).optional(),
    /** Other slots this answer settles too, where not yet known (e.g. Berufsschule → schulform berufskolleg). */
    sets: z.record(Id, Id).default({}),
    /** The procedure step this answer tells is done (what a case story's latest done step chooses). */
    done: StepId.optional(),
    /** The forms of absence this answer describes (what "Wie nennt man das?" is answered with). */
    topics: z.array(Id).default([]),
    next: Id,
  })
  .strict();
export type Option = z.infer<typeof Option>;

export const QuestionNode = z
  .object({
    kind: z.literal('question'),
    id: Id,
    slot: Id,
    text: NonEmpty,
    hint: NonEmpty.optional(),
    options: z.array(Option).min(2),
  })
  .strict();

/** Routes on what is known: the first case whose condition holds, else `otherwise`. */
export const BranchNode = z
  .object({
    kind: z.literal('branch'),
    id: Id,
    cases: z.array(z.object({ when: Condition, next: Id }).strict()).min(1),
    otherwise: Id,
  })
  .strict();

/**
 * A note is one whole sentence: balanced brackets and quotes, ending in . ! ? or a closing bracket.
 * A YAML flow list (`[a, b]`) splits an unquoted note at its commas into fragments – this catches it.
 */
export const Note = NonEmpty.superRefine((note, ctx) => {
  const count = (c: string) => note.split(c).length - 1;
  const balanced = count('(') === count(')') && count('„') === count('“') && count('"') % 2 === 0;
  if (!balanced || !/[.!?)“"]$/.test(note.trim()))
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `kein ganzer Satz (Klammern/Anführungszeichen offen oder kein Satzende) – in [ ]-Listen Hinweise in Anführungszeichen setzen: "${note}"`,
    });
});

/** A rule adds agencies, forms and notes when its condition holds (all matching rules apply). */
export const OutcomeRule = z
  .object({
    when: Condition.default({}),
    unless: Condition.default({}),
    headline: NonEmpty.optional(),
    agencies: z.array(AgencyId).default([]),
    forms: z.array(FormId).default([]),
    notes: z.array(Note).default([]),
  })
  .strict();
export type OutcomeRule = z.infer<typeof OutcomeRule>;

export const OutcomeNode = z
  .object({
    kind: z.literal('outcome'),
    id: Id,
    step: StepId,
    headline: NonEmpty.optional(),
    /** Instead of the step's summary and "Jetzt tun" list: where the case stands after the step (e.g. after the fine). */
    summary: Note.optional(),
    actions: z.array(Note).optional(),
    agencies: z.array(AgencyId).default([]),
    forms: z.array(FormId).default([]),
    notes: z.array(Note).default([]),
    rules: z.array(OutcomeRule).default([]),
  })
  .strict();

export const FlowNode = z.discriminatedUnion('kind', [QuestionNode, BranchNode, OutcomeNode]);
export type FlowNode = z.infer<typeof FlowNode>;
export type QuestionNode = z.infer<typeof QuestionNode>;
export type BranchNode = z.infer<typeof BranchNode>;
export type OutcomeNode = z.infer<typeof OutcomeNode>;

export const Flow = z
  .object({
    start: Id,
    /** The outcome every sign of danger to a child leads to, at once. */
    safety: Id,
    /** Slots that, found in a teacher's message, open the guide at once (e.g. what was already done). */
    opens_on: z.array(Id).default([]),
    nodes: z.array(FlowNode).min(1),
  })
  .strict();
export type Flow = z.infer<typeof Flow>;
