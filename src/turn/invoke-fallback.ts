import { INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';

const EMPTY_RESULT = { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What an invoke that no route answered gets: an empty result or a short message, 400 when malformed. */
export function fallbackInvoke(name: string, value: unknown): { status: number; body?: unknown } {
  if (name.startsWith('composeExtension/')) {
    if (name === 'composeExtension/query' && !isObject(value)) return { status: 400 };
    return { status: 200, body: EMPTY_RESULT };
  }
  if (name === 'task/fetch' || name === 'task/submit' || name === 'message/fetchTask')
    return isObject(value) || value === undefined
      ? { status: 200, body: { task: { type: 'message', value: TEXTS.invokeNotAvailable } } }
      : { status: 400 };
  if (name === 'adaptiveCard/action')
    return {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: TEXTS.invokeNotAvailable },
    };
  return { status: 200, body: {} };
}

/**
 * An invoke must get an invoke response: without one botbuilder answers 501. Blocked (foreign tenant),
 * unknown or malformed invokes get the fallback; a failed handler gets 500. One log line, no stack.
 */
export async function answerUnanswered(
  context: TurnContext,
  logger: Pick<Logger, 'warn'>,
  reason: 'blocked' | 'unhandled' | 'failed',
): Promise<void> {
  if (context.activity.type !== 'invoke' || context.turnState.get(INVOKE_RESPONSE_KEY)) return;
  const name = String(context.activity.name ?? '').slice(0, 60);
  const { status, body } =
    reason === 'failed' ? { status: 500, body: undefined } : fallbackInvoke(name, context.activity.value);
  logger.warn({ intent: 'invoke', name, status, reason }, 'invoke answered without a route');
  await context.sendActivity({ type: 'invokeResponse', value: { status, body } });
}
