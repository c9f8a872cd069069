import { z } from 'zod';
import { District, NewsItem, NewsTopic, SchoolType } from './model';

/** Adaptive Card multi-selects arrive as "a,b,c"; unknown values are dropped by the enum. */
const csv = <T extends z.ZodTypeAny>(item: T) =>
  z
    .union([z.string(), z.undefined()])
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter((x) => item.safeParse(x).success),
    )
    .pipe(z.array(item).max(20));

export const SubscribePayload = z.object({
  verb: z.literal('subscribe'),
  topics: csv(NewsTopic),
  schoolTypes: csv(SchoolType),
  districts: csv(District),
});

const Id = z.string().regex(/^[0-9a-f-]{36}$/);

const ScheduleField = z
  .string()
  .trim()
  .max(10)
  .optional()
  .transform((s) => s || undefined);

/** The compose form's fields; the link must be http(s). */
export const NewsForm = z.object({
  title: z.string().trim().min(1).max(120),
  text: z.string().trim().min(1).max(2000),
  link: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((s) => (s ? s : undefined))
    .pipe(
      z
        .string()
        .url()
        .regex(/^https?:\/\//i)
        .optional(),
    ),
  topic: NewsTopic,
  /** Input.Toggle sends "true"/"false". */
  acknowledge: z.union([z.boolean(), z.string(), z.undefined()]).transform((v) => v === true || v === 'true'),
  schoolTypes: csv(SchoolType),
  districts: csv(District),
  /** Input.Date / Input.Time, on Dortmund's clock; both empty = at once. */
  sendDate: ScheduleField,
  sendTime: ScheduleField,
});

export { BroadcastPayload } from '../cards/actions';

/** What the coordinator is about to send, kept in their slot between preview and send. */
export const Draft = z.object({ news: NewsItem, correcting: Id.optional(), sendAt: z.number().optional() });
export type Draft = z.infer<typeof Draft>;
