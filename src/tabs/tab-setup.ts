import { join } from 'node:path';
import type { BotApp } from '../app';
import type { CoordinatorPolicy } from '../roles/coordinators';
import { PROJECT_ROOT, type Config } from '../config';
import type { Core } from '../core/bootstrap';
import type { LiveKnowledge } from '../core/live-knowledge';
import { createFreeTextDecider, type FreeTextDecider } from '../decision/free-text';
import type { Logger } from '../shared/logger';
import type { startServer } from '../server';
import type { Stores } from '../storage/stores';
import { coordinationDesk } from './coordination-desk';
import type { KnowledgeRouteDeps } from './knowledge-routes';
import { ENTRA_KEYS_URL, tabAuth } from './tab-auth';
import { registerTabRoutes } from './tab-routes';

/** Where `npm run build` puts the bundled pages (beside the compiled server, not in it). */
export const TAB_ASSETS_DIR = join(PROJECT_ROOT, 'dist', 'web');

/** The tabs on the bot's own server: sign-in against Entra, or none in local mode. */
export function tabRoutesFor(o: {
  config: Config;
  live: Pick<LiveKnowledge, 'current'>;
  stores: Stores;
  policy: CoordinatorPolicy;
  /** The running bot's coordinator services (rebuilt when the knowledge version changes). */
  services: () => BotApp['services'];
  editing?: Omit<KnowledgeRouteDeps, 'policy' | 'logger' | 'signedIn'>;
  logger: Logger;
}): NonNullable<Parameters<typeof startServer>[0]['routes']> {
  const { config } = o;
  const verify = config.BOT_ID
    ? tabAuth({
        appId: config.TAB_APP_ID ?? config.BOT_ID,
        domain: config.BOT_DOMAIN,
        tenants: config.allowedTenants,
        keysUrl: config.TAB_KEYS_URL ?? ENTRA_KEYS_URL,
      })
    : undefined;
  const knowledge = () => o.live.current().core.knowledge;
  const desk = coordinationDesk({
    counts: o.stores.counts,
    questions: o.stores.questions,
    stores: o.stores,
    policy: o.policy,
    knowledge,
    get forwarding() {
      return o.services().forwarding;
    },
    get news() {
      return o.services().news;
    },
  });
  const deciders = new WeakMap<Core, FreeTextDecider>();
  const current = () => {
    const { core } = o.live.current();
    let decide = deciders.get(core);
    if (!decide) deciders.set(core, (decide = createFreeTextDecider(core)));
    return { knowledge: core.knowledge, decide };
  };
  return (server) =>
    registerTabRoutes(server, {
      current,
      editing: o.editing,
      desk,
      policy: o.policy,
      logger: o.logger,
      verify,
      localCoordinator: config.COORDINATOR_IDS[0],
      assetsDir: TAB_ASSETS_DIR,
    });
}
