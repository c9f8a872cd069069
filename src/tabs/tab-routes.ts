import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import restify from 'restify';
import type { CoordinatorPolicy } from '../roles/coordinators';
import type { FreeTextDecider } from '../decision/free-text';
import type { Knowledge } from '../knowledge/knowledge';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';
import type { CoordinationDesk } from './coordination-desk';
import type { TabTokenCheck } from './tab-auth';
import { FollowUp } from '../cards/actions';
import { registerCoordinationRoutes } from './coordination-routes';
import { registerKnowledgeRoutes, type KnowledgeRouteDeps } from './knowledge-routes';
import {
  childProtectionView,
  entryView,
  followUpView,
  formsView,
  networkView,
  procedureView,
  searchView,
} from './tab-views';

export interface TabRouteDeps {
  /** The live version's knowledge and decision (a published version switches them). */
  readonly current: () => { readonly knowledge: Knowledge; readonly decide: FreeTextDecider };
  /** The coordinators' knowledge editing (absent when there is no store). */
  readonly editing?: Omit<KnowledgeRouteDeps, 'policy' | 'logger' | 'signedIn'>;
  readonly desk: CoordinationDesk;
  readonly policy: CoordinatorPolicy;
  readonly logger: Logger;
  /** Omitted in local mode: no sign-in, the first configured coordinator is assumed. */
  readonly verify?: TabTokenCheck;
  readonly localCoordinator?: string;
  /** The bundled pages (dist/web). */
  readonly assetsDir: string;
}

const MAX_QUERY = 1500;
/** A query parameter (the server has no query parser: the bot's endpoint takes none). */
const param = (req: restify.Request, name: string) =>
  new URL(req.url ?? '/', 'http://tab').searchParams.get(name) ?? '';
const T = TEXTS.tabs;
const json = (res: restify.Response, status: number, body: unknown) => void res.send(status, body);

/** GET /tabs/*, the Leitfaden API (public knowledge) and the coordinators' API under /api/tab/. */
export function registerTabRoutes(server: restify.Server, deps: TabRouteDeps): void {
  const { logger } = deps;
  const knowledgeNow = () => deps.current().knowledge;

  /** The caller's object id, or a refusal already sent. */
  async function signedIn(req: restify.Request, res: restify.Response): Promise<string | undefined> {
    if (!deps.verify) return deps.localCoordinator ?? 'local';
    const verdict = await deps.verify(req.headers.authorization);
    if (verdict.ok) return verdict.identity.objectId;
    logger.warn({ status: verdict.status, kind: 'tab-auth', reason: verdict.reason }, 'tab request refused');
    json(res, verdict.status, { error: verdict.status === 503 ? T.authUnavailable : T.signInNeeded });
  }
  server.get('/tabs/:page', async (req, res) => {
    const page = String(req.params.page);
    if (page !== 'leitfaden' && page !== 'koordination') return json(res, 404, { error: T.notFound });
    const file = join(deps.assetsDir, 'index.html');
    if (!existsSync(file)) return json(res, 503, { error: T.notBuilt });
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', CSP);
    res.sendRaw(200, readFileSync(file, 'utf8').replace('%PAGE%', page));
  });
  server.get('/tabs/assets/*', restify.plugins.serveStaticFiles(join(deps.assetsDir, 'assets')));

  server.get('/api/tab/me', async (req, res) => {
    if (!deps.verify)
      return json(res, 200, { localMode: true, coordinator: deps.policy.isCoordinator(deps.localCoordinator) });
    const verdict = await deps.verify(req.headers.authorization);
    json(res, 200, {
      localMode: false,
      signedIn: verdict.ok,
      coordinator: verdict.ok && deps.policy.isCoordinator(verdict.identity.objectId),
    });
  });
  server.get('/api/tab/procedure', async (_req, res) => json(res, 200, procedureView(knowledgeNow())));
  server.get('/api/tab/network', async (_req, res) => json(res, 200, networkView(knowledgeNow())));
  server.get('/api/tab/forms', async (_req, res) => json(res, 200, formsView(knowledgeNow())));
  server.get('/api/tab/child-protection', async (_req, res) => json(res, 200, childProtectionView(knowledgeNow())));
  server.get('/api/tab/entry', async (req, res) => {
    const knowledge = knowledgeNow();
    const entry = knowledge.byRef(param(req, 'ref'));
    if (!entry) return json(res, 404, { error: T.notFound });
    json(res, 200, entryView(entry, knowledge));
  });
  server.get('/api/tab/follow-up', async (req, res) => {
    const asked = FollowUp.safeParse({ verb: 'followup', what: param(req, 'what'), ref: param(req, 'ref') });
    const view = asked.success ? followUpView(knowledgeNow(), asked.data.ref, asked.data.what) : undefined;
    if (!view) return json(res, 404, { error: T.notFound });
    json(res, 200, view);
  });
  // The text is neither logged nor stored; child protection is read first, as in the chat.
  server.get('/api/tab/search', async (req, res) => {
    const q = param(req, 'q').trim();
    if (!q || q.length > MAX_QUERY) return json(res, 400, { error: T.badQuery(MAX_QUERY) });
    const { knowledge, decide } = deps.current();
    const view = searchView(decide(q), knowledge);
    logger.info({ intent: 'tab-search', route: view.route }, 'tab search');
    json(res, 200, view);
  });

  registerCoordinationRoutes(server, { desk: deps.desk, policy: deps.policy, logger, signedIn });
  if (deps.editing) registerKnowledgeRoutes(server, { ...deps.editing, policy: deps.policy, logger, signedIn });
}

/** The pages load only their own scripts; Teams may frame them. */
const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com",
].join('; ');
