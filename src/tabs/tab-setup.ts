import { join } from 'node:path';
import type { BotApp } from '../app';
import type { CoordinatorPolicy } from '../broadcast/coordinators';
import { PROJECT_ROOT, type Config } from '../config';
import type { Core } from '../core/bootstrap';
import { createFreeTextDecider } from '../decision/free-text';
import type { Logger } from '../shared/logger';
import type { startServer } from '../server';
import type { Stores } from '../storage/stores';
import { coordinationDesk } from './coordination-desk';
import { ENTRA_KEYS_URL, tabAuth } from './tab-auth';
import { registerTabRoutes } from './tab-routes';

/** Where `npm run build` puts the bundled pages (beside the compiled server, not in it). */
export const TAB_ASSETS_DIR = join(PROJECT_ROOT, 'dist', 'web');

/** The tabs on the bot's own server: sign-in against Entra, or none in local mode. */
export function tabRoutesFor(o: {
  config: Config;
  core: Core;
  stores: Stores;
  policy: CoordinatorPolicy;
  services: BotApp['services'];
  logger: Logger;
}): NonNullable<Parameters<typeof startServer>[0]['routes']> {
  const { config } = o;
  const verify = config.BOT_ID
    ? tabAuth({
        appId: config.BOT_ID,
        domain: config.BOT_DOMAIN,
        tenants: config.allowedTenants,
        keysUrl: config.TAB_KEYS_URL ?? ENTRA_KEYS_URL,
      })
    : undefined;
  const desk = coordinationDesk({
    counts: o.stores.counts,
    questions: o.stores.questions,
    stores: o.stores,
    policy: o.policy,
    knowledge: o.core.knowledge,
    ...o.services,
  });
  return (server) =>
    registerTabRoutes(server, {
      knowledge: o.core.knowledge,
      decide: createFreeTextDecider(o.core),
      desk,
      policy: o.policy,
      logger: o.logger,
      verify,
      localCoordinator: config.COORDINATOR_IDS[0],
      assetsDir: TAB_ASSETS_DIR,
    });
}
