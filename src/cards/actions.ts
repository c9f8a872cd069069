import { z } from 'zod';
import { EntryRef } from '../knowledge/schema';

/** Payloads of the bot's own Action.Submit buttons, validated when they come back. */
export const ShowEntry = z.object({ verb: z.literal('show'), ref: EntryRef }).strict();
export const FollowUp = z
  .object({ verb: z.literal('followup'), what: z.enum(['next', 'agency', 'form']), ref: EntryRef })
  .strict();
export const AskQuestion = z.object({ verb: z.literal('ask'), q: z.string().min(1).max(300) }).strict();
export const CardPayload = z.discriminatedUnion('verb', [ShowEntry, FollowUp, AskQuestion]);
export type CardPayload = z.infer<typeof CardPayload>;
export type FollowUpKind = z.infer<typeof FollowUp>['what'];

export const showEntry = (ref: string): CardPayload => ({ verb: 'show', ref });
export const followUp = (what: FollowUpKind, ref: string): CardPayload => ({ verb: 'followup', what, ref });
export const askQuestion = (q: string): CardPayload => ({ verb: 'ask', q });
