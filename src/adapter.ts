import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Config } from './config';

/** Local mode (no BOT_ID): auth off. Otherwise SingleTenant auth with the app registration. */
export function createAdapter(config: Config): TeamsAdapter {
  if (config.localMode) return new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
  const credentials = {
    MicrosoftAppId: config.BOT_ID,
    MicrosoftAppPassword: config.BOT_PASSWORD,
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: config.BOT_TENANT_ID,
  };
  return new TeamsAdapter(credentials, new ConfigurationServiceClientCredentialFactory(credentials));
}
