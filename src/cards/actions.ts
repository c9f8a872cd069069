import { z } from 'zod';
import { AgencyCategory, EntryRef, Id as SlotId } from '../knowledge/schema';

/**
 * The bot's one card-action vocabulary: every Action.Submit any card builds is one of these, and every
 * route is keyed by its `verb` and validates the payload that comes back with the member's schema.
 */
export const ShowEntry = z.object({ verb: z.literal('show'), ref: EntryRef }).strict();
export const FollowUp = z
  .object({ verb: z.literal('followup'), what: z.enum(['next', 'agency', 'form']), ref: EntryRef })
  .strict();
export const AskQuestion = z.object({ verb: z.literal('ask'), q: z.string().min(1).max(300) }).strict();

/** Flow ids (nodes, option values) as they may come back in a button payload. */
const FlowId = SlotId.max(60);
/** The guide's buttons; `node` lets the bot spot buttons on an old card. */
export const GuidePayload = z.discriminatedUnion('action', [
  z
    .object({ verb: z.literal('guide'), action: z.literal('start'), prefill: z.record(FlowId, FlowId).optional() })
    .strict(),
  z.object({ verb: z.literal('guide'), action: z.literal('choose'), node: FlowId, value: FlowId }).strict(),
  z.object({ verb: z.literal('guide'), action: z.enum(['back', 'restart', 'cancel', 'summary']) }).strict(),
]);
export type GuidePayload = z.infer<typeof GuidePayload>;

export const BrowsePayload = z.object({ verb: z.literal('directory'), category: AgencyCategory.optional() }).strict();
export const PrivacyPayload = z.object({ verb: z.literal('privacy'), action: z.literal('forget-me') }).strict();

/** Subscription buttons; the form's inputs arrive next to `verb` and are read by broadcast/payloads.ts. */
export const SubscriptionButton = z.object({ verb: z.enum(['subscribe', 'subscribe-form', 'unsubscribe']) });

const BroadcastId = z.string().regex(/^[0-9a-f-]{36}$/);
/** The coordinator's buttons; preview also carries the compose form's inputs (read by broadcast/payloads.ts). */
export const BroadcastPayload = z.discriminatedUnion('action', [
  z
    .object({ verb: z.literal('broadcast'), action: z.literal('preview'), correcting: BroadcastId.optional() })
    .passthrough(),
  z.object({ verb: z.literal('broadcast'), action: z.enum(['edit', 'discard', 'send']) }).strict(),
  z
    .object({
      verb: z.literal('broadcast'),
      action: z.enum(['correct', 'recall', 'recall-confirm', 'approve', 'pause', 'resume', 'cancel']),
      id: BroadcastId,
    })
    .strict(),
  // A new time before the start: the card's date and time inputs arrive next to the id.
  z.object({ verb: z.literal('broadcast'), action: z.literal('reschedule'), id: BroadcastId }).passthrough(),
  z.object({ verb: z.literal('broadcast'), action: z.literal('approvals') }).strict(),
]);
export type BroadcastPayload = z.infer<typeof BroadcastPayload>;

/** "Frage an die Fachstelle": the teacher's form, preview and send (the form's inputs arrive next to `verb`). */
const QuestionText = z.string().trim().min(1).max(1500);
export const ForwardPayload = z.discriminatedUnion('action', [
  z
    .object({ verb: z.literal('forward'), action: z.literal('form'), text: z.string().max(1500).optional() })
    .passthrough(),
  z.object({ verb: z.literal('forward'), action: z.literal('preview') }).passthrough(),
  z.object({ verb: z.literal('forward'), action: z.literal('edit') }).passthrough(),
  z.object({ verb: z.literal('forward'), action: z.literal('cancel') }).strict(),
  z
    .object({
      verb: z.literal('forward'),
      action: z.literal('send'),
      text: QuestionText,
      schoolType: z.string().max(60).optional(),
      replyToMe: z.boolean(),
    })
    .strict(),
]);
export type ForwardPayload = z.infer<typeof ForwardPayload>;

const QuestionId = z.string().regex(/^[0-9a-f-]{36}$/);
/** The coordination's buttons on a forwarded question. */
export const ForwardedPayload = z.discriminatedUnion('action', [
  z.object({ verb: z.literal('forwarded'), action: z.literal('answer'), id: QuestionId }).passthrough(),
  z.object({ verb: z.literal('forwarded'), action: z.enum(['close', 'suggest']), id: QuestionId }).strict(),
]);
export type ForwardedPayload = z.infer<typeof ForwardedPayload>;

/** "Zur Kenntnis genommen" on a news card. */
export const NewsAckPayload = z.object({ verb: z.literal('news-ack'), id: BroadcastId }).strict();

export const CardPayload = z.union([
  ShowEntry,
  FollowUp,
  AskQuestion,
  GuidePayload,
  BrowsePayload,
  PrivacyPayload,
  SubscriptionButton,
  BroadcastPayload,
  ForwardPayload,
  ForwardedPayload,
  NewsAckPayload,
]);
export type CardPayload = z.infer<typeof CardPayload>;
export type CardVerb = CardPayload['verb'];
export type FollowUpKind = z.infer<typeof FollowUp>['what'];

export const showEntry = (ref: string): CardPayload => ({ verb: 'show', ref });
export const followUp = (what: FollowUpKind, ref: string): CardPayload => ({ verb: 'followup', what, ref });
export const askQuestion = (q: string): CardPayload => ({ verb: 'ask', q });
type WithoutVerb<P> = P extends unknown ? Omit<P, 'verb'> : never;
export const guide = (p: WithoutVerb<GuidePayload>): GuidePayload => ({ verb: 'guide', ...p }) as GuidePayload;
export const browse = (category?: z.infer<typeof AgencyCategory>): CardPayload => ({ verb: 'directory', category });
