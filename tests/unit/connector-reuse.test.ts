import { describe, expect, it } from 'vitest';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { createAdapter } from '../../src/adapter';
import { loadConfig } from '../../src/config';
import { ConnectorReuse } from '../../src/connector-reuse';

const identity = (appId: string) =>
  new ClaimsIdentity([
    { type: AuthenticationConstants.AudienceClaim, value: appId },
    { type: AuthenticationConstants.AppIdClaim, value: appId },
    { type: AuthenticationConstants.VersionClaim, value: '2.0' },
    { type: AuthenticationConstants.AuthorizedParty, value: appId },
  ]);

/** Counts every client it builds; `failNext` makes the next connector creation fail once. */
class CountingAuth extends BotFrameworkAuthentication {
  connectors = 0;
  tokenClients = 0;
  failNext = false;
  appId = 'app-a';

  private async build(serviceUrl: string): Promise<ConnectorClient> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('token endpoint down');
    }
    this.connectors++;
    return { serviceUrl, n: this.connectors } as unknown as ConnectorClient;
  }

  private factory(): ConnectorFactory {
    const build = (serviceUrl: string) => this.build(serviceUrl);
    return new (class extends ConnectorFactory {
      create = build;
    })();
  }

  async authenticateRequest(): Promise<AuthenticateRequestResult> {
    return { claimsIdentity: identity(this.appId), audience: 'aud', callerId: '', connectorFactory: this.factory() };
  }
  async authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    return this.authenticateRequest();
  }
  createConnectorFactory(): ConnectorFactory {
    return this.factory();
  }
  async createUserTokenClient(): Promise<UserTokenClient> {
    this.tokenClients++;
    return { n: this.tokenClients } as unknown as UserTokenClient;
  }
}

const inbound = async (auth: BotFrameworkAuthentication, serviceUrl: string) => {
  const result = await auth.authenticateRequest({ serviceUrl } as never, '');
  return result.connectorFactory!.create(serviceUrl, result.audience);
};

describe('ConnectorReuse', () => {
  it('builds one inbound client per app, audience and service URL', async () => {
    const inner = new CountingAuth();
    const auth = new ConnectorReuse(inner);
    const first = await inbound(auth, 'https://smba.example/emea/');
    expect(await inbound(auth, 'https://smba.example/emea/')).toBe(first);
    expect(await inbound(auth, 'https://smba.example/amer/')).not.toBe(first);
    inner.appId = 'app-b';
    expect(await inbound(auth, 'https://smba.example/emea/')).not.toBe(first);
    expect(inner.connectors).toBe(3);
  });

  it('keeps proactive clients fresh: the delivery sender changes their pipeline', async () => {
    const inner = new CountingAuth();
    const auth = new ConnectorReuse(inner);
    const a = await auth.createConnectorFactory(identity('app-a')).create('https://smba.example/emea/');
    const b = await auth.createConnectorFactory(identity('app-a')).create('https://smba.example/emea/');
    expect(a).not.toBe(b);
  });

  it('forgets a failed creation, so the next request tries again', async () => {
    const inner = new CountingAuth();
    const auth = new ConnectorReuse(inner);
    inner.failNext = true;
    await expect(inbound(auth, 'https://smba.example/emea/')).rejects.toThrow('token endpoint down');
    await expect(inbound(auth, 'https://smba.example/emea/')).resolves.toBeTruthy();
    expect(inner.connectors).toBe(1);
  });

  it('shares the user token client per app id', async () => {
    const inner = new CountingAuth();
    const auth = new ConnectorReuse(inner);
    const a = await auth.createUserTokenClient(identity('app-a'));
    expect(await auth.createUserTokenClient(identity('app-a'))).toBe(a);
    expect(await auth.createUserTokenClient(identity('app-b'))).not.toBe(a);
    expect(inner.tokenClients).toBe(2);
  });

  it('is wired into the adapter: two turns see the same ConnectorClient, a proactive turn its own', async () => {
    const adapter = createAdapter(loadConfig({}));
    const seen: unknown[] = [];
    const logic = async (context: TurnContext) =>
      void seen.push(context.turnState.get(context.adapter.ConnectorClientKey));
    const request = (id: string) => ({
      method: 'POST',
      headers: {},
      body: {
        type: ActivityTypes.Message,
        id,
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:1/',
        from: { id: 'u1' },
        recipient: { id: 'bot' },
        conversation: { id: 'c1' },
        text: 'hallo',
      },
    });
    const response = () => ({
      status: () => undefined,
      header: () => undefined,
      send: () => undefined,
      end: () => undefined,
    });
    await adapter.process(request('1') as never, response() as never, logic);
    await adapter.process(request('2') as never, response() as never, logic);
    await adapter.continueConversationAsync(
      '',
      { serviceUrl: 'http://127.0.0.1:1/', channelId: 'msteams', conversation: { id: 'c1' } } as never,
      logic,
    );
    expect(seen).toHaveLength(3);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[0]);
  });
});
