import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';

export const ISSUER = 'https://api.botframework.com';

/** A loopback OpenID configuration + JWKS, playing the Bot Framework's token service. */
export async function startOpenIdServer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
  let url = '';
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/.well-known/openid-configuration')) {
      return res.end(
        JSON.stringify({ issuer: ISSUER, jwks_uri: `${url}/keys`, id_token_signing_alg_values_supported: ['RS256'] }),
      );
    }
    if (req.url?.startsWith('/keys')) return res.end(JSON.stringify({ keys: [jwk] }));
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** A channel token; every claim can be spoiled for the negative cases. */
  const token = async (opts: {
    audience: string;
    serviceUrl: string;
    issuer?: string;
    expiresIn?: number;
    key?: KeyLike;
  }) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: opts.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .setIssuer(opts.issuer ?? ISSUER)
      .setAudience(opts.audience)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (opts.expiresIn ?? 3600))
      .sign(opts.key ?? privateKey);
  };
  /** The algorithm-confusion attack: HS256 with the published public key as the shared secret. */
  const hs256WithPublicKey = async (opts: { audience: string; serviceUrl: string }) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: opts.serviceUrl })
      .setProtectedHeader({ alg: 'HS256', kid: 'test-key', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(opts.audience)
      .setIssuedAt(now - 60)
      .setExpirationTime(now + 3600)
      .sign(new TextEncoder().encode(await exportSPKI(publicKey)));
  };
  /** An Entra token as Teams tab SSO gives it (claims spoilable for the negative cases). */
  const entraToken = async (claims: Record<string, unknown>, opts: { expiresIn?: number; key?: KeyLike } = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (opts.expiresIn ?? 3600))
      .sign(opts.key ?? privateKey);
  };
  return {
    hs256WithPublicKey,
    entraToken,
    keysUrl: `${url}/keys`,
    metadataUrl: `${url}/.well-known/openid-configuration`,
    token,
    otherKey: other.privateKey,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
