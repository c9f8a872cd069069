import type { TurnContext } from 'botbuilder';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';
import type { RateLimiter } from './rate-limit';

export interface GateOptions {
  /** Tenants served; empty = all. */
  readonly allowedTenants: readonly string[];
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  readonly now?: () => number;
}

export const tenantOf = (context: TurnContext): string | undefined =>
  context.activity.conversation?.tenantId ??
  (context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;

/** Before any route: other tenants are ignored (no reply), too many messages get a polite answer. */
export async function passesGate(
  context: TurnContext,
  { allowedTenants, limiter, logger, now = Date.now }: GateOptions,
): Promise<boolean> {
  const tenant = tenantOf(context);
  if (allowedTenants.length && !allowedTenants.includes(tenant ?? '')) {
    logger.warn(
      { tenant: tenant ?? '(none)', activityType: context.activity.type },
      'activity from a tenant that is not allowed ignored',
    );
    return false;
  }
  if (context.activity.type !== 'message') return true;
  if (limiter.allow(context.activity.from?.id ?? 'unknown', now())) return true;
  logger.warn({ intent: 'rate-limit' }, 'user over the message limit');
  await context.sendActivity(TEXTS.rateLimited);
  return false;
}
