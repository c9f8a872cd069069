import type restify from 'restify';
import { unzipSync, strFromU8 } from 'fflate';
import type { CoordinatorPolicy } from '../roles/coordinators';
import type { Core } from '../core/bootstrap';
import type { EvalCase } from '../evaluation/eval-set';
import { isKnowledgeFileName } from '../knowledge/knowledge-files';
import type { Done, KnowledgeEditor } from '../knowledge-admin/knowledge-editor';
import { entrySchemas } from '../knowledge-admin/entry-schemas';
import { previewDraft } from '../knowledge-admin/preview';
import type { LiveKnowledge } from '../core/live-knowledge';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';
import { coordinatorOnly } from './coordination-routes';

const T = TEXTS.tabs.knowledge;
const json = (res: restify.Response, status: number, body: unknown) => void res.send(status, body);
/** Unpacked size a zip may claim (the YAML files are about 0.3 MB). */
const MAX_UNZIPPED = 4 * 1024 * 1024;

/** A refusal as its status and body; success through `ok`. */
function reply<T extends object>(res: restify.Response, done: Done<T>, ok: (value: T) => unknown, status = 200) {
  if (!done.ok)
    return json(res, done.status, { error: done.error, ...(done.problems ? { problems: done.problems } : {}) });
  json(res, status, ok(Object.fromEntries(Object.entries(done).filter(([k]) => k !== 'ok')) as T));
}

/** The files of an uploaded zip (base64 in JSON, the body limit being what it is), YAML only. */
function unzipFiles(base64: string): Record<string, string> | string {
  let total = 0;
  try {
    const entries = unzipSync(Buffer.from(base64, 'base64'), {
      filter: (f) => {
        total += f.originalSize;
        return isKnowledgeFileName(f.name.split('/').pop() ?? '') && total <= MAX_UNZIPPED;
      },
    });
    if (total > MAX_UNZIPPED) return T.zipTooLarge;
    return Object.fromEntries(Object.entries(entries).map(([name, data]) => [name.split('/').pop()!, strFromU8(data)]));
  } catch {
    return T.zipBroken;
  }
}

/** /api/tab/knowledge/…: the coordinators edit, check, preview, publish and roll back the knowledge base. */
export interface KnowledgeRouteDeps {
  readonly editor: KnowledgeEditor;
  readonly live: LiveKnowledge;
  readonly check: (files: ReadonlyMap<string, string>) => { core?: Core };
  readonly previewQuestions: () => readonly EvalCase[];
  readonly policy: CoordinatorPolicy;
  readonly logger: Logger;
  readonly signedIn: (req: restify.Request, res: restify.Response) => Promise<string | undefined>;
}

export function registerKnowledgeRoutes(server: restify.Server, deps: KnowledgeRouteDeps): void {
  const coordinator = coordinatorOnly(deps);
  const { editor } = deps;
  const base = '/api/tab/knowledge';
  const refOf = (req: restify.Request) => decodeURIComponent(String(req.params?.ref ?? ''));
  const versionOf = (req: restify.Request) => Number(req.params?.version);
  const schemas = entrySchemas();

  server.get(
    `${base}/entries`,
    coordinator(async (_who, _req, res) =>
      json(
        res,
        200,
        (await editor.entries()).map(({ ref, kind, title }) => ({ ref, kind, title })),
      ),
    ),
  );
  server.get(
    `${base}/entries/:ref`,
    coordinator(async (_who, req, res) => {
      const entry = await editor.entry(refOf(req));
      if (!entry) return json(res, 404, { error: TEXTS.tabs.notFound });
      json(res, 200, entry);
    }),
  );
  server.get(
    `${base}/schema`,
    coordinator(async (_who, _req, res) => json(res, 200, { kinds: schemas, approval: editor.approval })),
  );
  server.get(
    `${base}/draft`,
    coordinator(async (_who, _req, res) => json(res, 200, await editor.draft())),
  );
  server.put(
    `${base}/draft/:ref`,
    coordinator(async (who, req, res) => reply(res, await editor.save(refOf(req), req.body, who), (v) => v)),
  );
  server.del(
    `${base}/draft/:ref`,
    coordinator(async (who, req, res) => reply(res, await editor.remove(refOf(req), who), (v) => v)),
  );
  server.del(
    `${base}/draft`,
    coordinator(async (who, _req, res) => reply(res, await editor.discard(who), () => ({ discarded: true }))),
  );
  server.post(
    `${base}/publish`,
    coordinator(async (who, _req, res) => {
      const done = await editor.publish(who);
      reply(res, done, (v) => v, done.ok && done.requested ? 202 : 200);
    }),
  );
  server.post(
    `${base}/approve`,
    coordinator(async (who, _req, res) => reply(res, await editor.approve(who), (v) => v)),
  );
  server.get(
    `${base}/versions`,
    coordinator(async (_who, _req, res) => json(res, 200, await editor.versions())),
  );
  server.get(
    `${base}/versions/:version/diff`,
    coordinator(async (_who, req, res) => reply(res, await editor.diff(versionOf(req)), (v) => v)),
  );
  server.post(
    `${base}/rollback/:version`,
    coordinator(async (who, req, res) => reply(res, await editor.rollback(versionOf(req), who), (v) => v)),
  );
  server.get(
    `${base}/preview`,
    coordinator(async (_who, _req, res) => {
      const files = await editor.draftFiles();
      if (!files) return json(res, 409, { error: T.noDraft });
      const { core } = deps.check(files);
      if (!core) return json(res, 409, { error: T.noDraft });
      json(
        res,
        200,
        previewDraft({ live: deps.live.current(), draft: { files, core }, questions: deps.previewQuestions() }),
      );
    }),
  );
  server.get(
    `${base}/export`,
    coordinator(async (_who, req, res) => {
      const asked = new URL(req.url ?? '/', 'http://tab').searchParams.get('version');
      const done = await editor.exportZip(asked ? Number(asked) : undefined);
      if (!done.ok) return json(res, done.status, { error: done.error });
      res.setHeader('content-type', 'application/zip');
      res.setHeader('content-disposition', `attachment; filename="knowledge-v${done.version}.zip"`);
      res.sendRaw(200, Buffer.from(done.zip));
    }),
  );
  server.post(
    `${base}/import`,
    coordinator(async (who, req, res) => {
      const body = (req.body ?? {}) as { files?: unknown; zip?: unknown };
      const files = typeof body.zip === 'string' ? unzipFiles(body.zip) : body.files;
      if (typeof files === 'string') return json(res, 400, { error: files });
      reply(res, await editor.import(files, who), (v) => v);
    }),
  );
}
