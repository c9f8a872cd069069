import { z } from 'zod';
import { Id as SlotId } from '../knowledge/schema';

/** Flow ids (nodes, option values) as they may come back in a button payload. */
const Id = SlotId.max(60);

/** Payloads of the guide's buttons; `node` lets the bot spot buttons on an old card. */
export const GuidePayload = z.discriminatedUnion('action', [
  z.object({ verb: z.literal('guide'), action: z.literal('start'), prefill: z.record(Id, Id).optional() }).strict(),
  z.object({ verb: z.literal('guide'), action: z.literal('choose'), node: Id, value: Id }).strict(),
  z.object({ verb: z.literal('guide'), action: z.enum(['back', 'restart', 'cancel', 'summary']) }).strict(),
]);
export type GuidePayload = z.infer<typeof GuidePayload>;

type WithoutVerb<P> = P extends unknown ? Omit<P, 'verb'> : never;
export const guide = (p: WithoutVerb<GuidePayload>): GuidePayload => ({ verb: 'guide', ...p }) as GuidePayload;
