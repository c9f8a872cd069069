import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Config } from './config';
import { ConnectorReuse } from './connector-reuse';
import { InboundAuth } from './inbound-auth';

/**
 * Local mode (no BOT_ID): auth off. Otherwise SingleTenant auth with the app registration and its secret, or
 * UserAssignedMSI: tokens from the managed identity (botbuilder's ManagedIdentityServiceClientCredentialsFactory,
 * @azure/identity reading the host's identity endpoint), no secret anywhere.
 * BOT_OPENID_METADATA_URL (offline tests, sovereign clouds) replaces where signing keys come from;
 * botbuilder then takes every endpoint as given, so all are set explicitly.
 */
export function createAdapter(config: Config): TeamsAdapter {
  if (config.localMode)
    return reusingClients(new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({})));
  const credentials = {
    MicrosoftAppId: config.BOT_ID,
    MicrosoftAppPassword: config.BOT_TYPE === 'UserAssignedMSI' ? undefined : config.BOT_PASSWORD,
    MicrosoftAppType: config.BOT_TYPE,
    MicrosoftAppTenantId: config.BOT_TENANT_ID,
  };
  const endpoints = config.BOT_OPENID_METADATA_URL
    ? {
        ValidateAuthority: true,
        ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${config.BOT_TENANT_ID}`,
        ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
        ToBotFromChannelTokenIssuer: config.BOT_TOKEN_ISSUER ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
        OAuthUrl: AuthenticationConstants.OAuthUrl,
        ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
        ToBotFromEmulatorOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
        CallerId: 'urn:botframework:azure',
      }
    : {};
  return reusingClients(
    new TeamsAdapter({ ...credentials, ...endpoints }, new ConfigurationServiceClientCredentialFactory(credentials)),
  );
}

/** TeamsAdapter builds its authentication itself; the reuse wraps it after construction. */
function reusingClients(adapter: TeamsAdapter): TeamsAdapter {
  const inner = adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication };
  inner.botFrameworkAuthentication = new ConnectorReuse(inner.botFrameworkAuthentication);
  return adapter;
}

/** The edge's token check (undefined in local mode): the same issuer and key source as the adapter. */
export function inboundAuthFor(config: Config): InboundAuth | undefined {
  if (config.localMode || !config.BOT_ID) return undefined;
  return new InboundAuth({
    appId: config.BOT_ID,
    issuer: config.BOT_TOKEN_ISSUER ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
    metadataUrl: config.BOT_OPENID_METADATA_URL ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
  });
}
