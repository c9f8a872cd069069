import { LRUCache } from 'lru-cache';
import type { Activity } from 'botbuilder';
import {
  BotFrameworkAuthentication,
  ConnectorFactory,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Distinct (app, audience, service URL) combinations kept; a handful in practice. */
const MAX_CLIENTS = 64;

/**
 * CloudAdapter builds a new ConnectorClient (an HTTP pipeline with credentials) and a UserTokenClient
 * for every incoming request – about a tenth of a request's CPU. Clients are meant to be reused per
 * service URL and credentials (botbuilder-dotnet#883), so the inbound path shares them here.
 * Proactive sends (`createConnectorFactory`) keep fresh clients: the delivery sender changes their pipeline.
 */
export class ConnectorReuse extends BotFrameworkAuthentication {
  private readonly connectors = new LRUCache<string, Promise<ConnectorClient>>({ max: MAX_CLIENTS });
  private readonly tokenClients = new LRUCache<string, Promise<UserTokenClient>>({ max: MAX_CLIENTS });

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId = JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
    return remembered(this.tokenClients, appId, () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): ReturnType<BotFrameworkAuthentication['createBotFrameworkClient']> {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    const appId = JwtTokenValidation.getAppIdFromClaims(result.claimsIdentity.claims) ?? '';
    return { ...result, connectorFactory: new SharedConnectors(result.connectorFactory, appId, this.connectors) };
  }
}

/** Hands out the cached client for (app, audience, service URL); builds it with `inner` once. */
class SharedConnectors extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: LRUCache<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.appId}\n${audience ?? ''}\n${serviceUrl}`;
    return remembered(this.cache, key, () => this.inner.create(serviceUrl, audience));
  }
}

/** The cached promise for `key`, made once; a failed one is forgotten so the next request tries again. */
function remembered<T extends object>(cache: LRUCache<string, Promise<T>>, key: string, make: () => Promise<T>) {
  let hit = cache.get(key);
  if (!hit) {
    hit = make();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}
