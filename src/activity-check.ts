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

/** The problem with a request body as a short field list, or undefined when it is a usable activity. */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body is not a JSON object';
  const parsed = IncomingActivity.safeParse(body);
  return parsed.success ? undefined : parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ');
}
