import { z } from 'zod';

/** The fields every incoming activity must have before the bot looks at it (other fields pass unchecked). */
const IncomingActivity = z.object({
  type: z.string().min(1).max(64),
  id: z.string().max(256).optional(),
  serviceUrl: z.string().max(2048).optional(),
  channelId: z.string().min(1).max(64),
  from: z.object({ id: z.string().min(1).max(512) }),
  recipient: z.object({ id: z.string().min(1).max(512) }),
  conversation: z.object({ id: z.string().min(1).max(1024) }),
  text: z.string().max(100_000).optional(),
});

/** A message-extension query whose parameters are not a list of {name, value} is malformed (400, not a failed turn). */
const QueryValue = z.object({
  commandId: z.string().max(128).optional(),
  parameters: z
    .array(z.object({ name: z.string().max(128) }).passthrough())
    .max(20)
    .optional(),
});

/** The problem with a request body as a short field list, or undefined when it is a usable activity. */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body is not a JSON object';
  const parsed = IncomingActivity.safeParse(body);
  if (!parsed.success) return parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ');
  const { type, name, value } = body as { type?: unknown; name?: unknown; value?: unknown };
  if (type === 'invoke' && name === 'composeExtension/query' && !QueryValue.safeParse(value ?? {}).success)
    return 'value.parameters';
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Lists of objects Teams sends on events and messages; each item an object with these string fields. */
const LISTS: Readonly<Record<string, readonly string[]>> = {
  membersAdded: ['id'],
  membersRemoved: ['id'],
  entities: ['type'],
  attachments: ['contentType'],
};

/**
 * Drops wrongly typed optional fields (`membersAdded: [null]`, `entities: "x"`, `action: {}`) so the turn
 * runs on what is usable instead of failing into an apology; returns the names of what was dropped.
 */
export function tidyActivity(activity: Record<string, unknown>): string[] {
  const dropped: string[] = [];
  for (const [field, required] of Object.entries(LISTS)) {
    const list = activity[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      delete activity[field];
      dropped.push(field);
      continue;
    }
    const kept = list.filter((item) => isObject(item) && required.every((key) => typeof item[key] === 'string'));
    if (kept.length !== list.length) {
      activity[field] = kept;
      dropped.push(`${field}[]`);
    }
  }
  for (const field of ['action', 'name', 'locale', 'textFormat']) {
    if (activity[field] !== undefined && typeof activity[field] !== 'string') {
      delete activity[field];
      dropped.push(field);
    }
  }
  return dropped;
}
