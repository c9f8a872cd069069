import type { UsageCounter } from '../compose/usage';
import type { Core } from '../core/bootstrap';
import type { Logger } from '../shared/logger';

/** What every feature's register() receives. */
export interface BotDeps extends Core {
  readonly logger: Logger;
  readonly usage: UsageCounter;
}
