import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8, zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBot, type RunningBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import { TEXTS } from '../../src/texts';
import { realCore } from '../support/bot-harness';
import { startAzurite, type Azurite } from '../support/azurite';
import { askOverHttp } from '../support/chat-over-http';

const COORDINATOR = 'aaaaaaaa-0000-0000-0000-000000000001';
const SECOND = 'aaaaaaaa-0000-0000-0000-000000000002';
const AGENCY = 'agency:kinder-jugendpsychiatrie';
const OLD_NUMBER = '0231 9 13 01 90';
const NEW_NUMBER = '0231 9 13 01 99';
const STEP = 'step:anhoerung';
const NEW_ACTION = 'Anhörungsschreiben mit Rückmeldefrist verschicken (geänderte Fassung im Test).';
const API = '/api/tab/knowledge';

type Entry = Record<string, unknown> & { contact: { phone: { label: string; number: string }[] }; actions: string[] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, checked by each assertion
type Json = any;

const call = async (bot: RunningBot, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${bot.server.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') ? ((await res.json()) as Json) : await res.arrayBuffer() };
};

/** What the chat answers (POST /api/messages with expectReplies), as one string. */
const chat = (bot: RunningBot, text: string, conversation?: string) => askOverHttp(bot.server.url, text, conversation);

const servesNumber = async (bot: RunningBot, number: string) =>
  JSON.stringify((await call(bot, 'GET', `/api/tab/entry?ref=${AGENCY}`)).body).includes(number);

/** Two instances on one store: a publish on the first reaches the second by polling, without restart. */
function twoInstances(env: () => Record<string, string>) {
  const bots: RunningBot[] = [];
  const start = async (extra: Record<string, string> = {}) => {
    const bot = await startBot(
      loadConfig({
        PORT: '0',
        COORDINATOR_IDS: `${COORDINATOR},${SECOND}`,
        KNOWLEDGE_POLL_SECONDS: '0.1',
        ...env(),
        ...extra,
      }),
      logger,
      realCore(),
    );
    bots.push(bot);
    return bot;
  };
  return { bots, start, stop: () => Promise.all(bots.map((b) => b.stop())) };
}

function editingScenario(
  name: string,
  env: () => Record<string, string>,
  before = async () => {},
  after = async () => {},
) {
  // SQLite: one process is the bot (a second one on the file is refused), so both names are that one instance.
  const instances = name === 'SQLite' ? 1 : 2;
  describe(`Knowledge editing over HTTP (${name}, ${instances === 1 ? 'one instance' : 'two instances'})`, () => {
    const fleet = twoInstances(env);
    let a: RunningBot;
    let b: RunningBot;
    beforeAll(async () => {
      await before();
      a = await fleet.start();
      b = instances === 1 ? a : await fleet.start();
    }, 60_000);
    afterAll(async () => {
      await fleet.stop();
      await after();
    });

    it('starts with the repository’s knowledge/ as version 1', async () => {
      const versions = (await call(a, 'GET', `${API}/versions`)).body;
      expect(versions).toEqual([expect.objectContaining({ version: 1, author: 'repository' })]);
      const entries = (await call(a, 'GET', `${API}/entries`)).body as { ref: string; kind: string; title: string }[];
      expect(entries.map((e) => e.ref)).toEqual(expect.arrayContaining([AGENCY, STEP, 'node:situation']));
      expect(Object.keys(entries[0]!).sort()).toEqual(['kind', 'ref', 'title']);
    });

    it('refuses an invalid save with every problem by entry and field, and keeps no draft', async () => {
      const entry = (await call(a, 'GET', `${API}/entries/${AGENCY}`)).body as Entry;
      const broken = { ...entry, category: 'irgendwas', verifed: true, related: ['agency:gibt-es-nicht'] };
      const res = await call(a, 'PUT', `${API}/draft/${AGENCY}`, broken);
      expect(res.status).toBe(422);
      const fields = (res.body.problems as { ref: string; field?: string }[]).map((p) => `${p.ref} ${p.field ?? ''}`);
      expect(fields).toEqual(expect.arrayContaining([`${AGENCY} category`]));
      expect(res.body.problems.length).toBeGreaterThanOrEqual(2);
      expect((await call(a, 'GET', `${API}/draft`)).body.changes).toEqual([]);
      expect((await call(a, 'PUT', `${API}/draft/${AGENCY}`, { ...entry, id: 'anders' })).status).toBe(422);
    });

    it('saves a phone number and a step action, previews them, publishes, and every instance answers with them', async () => {
      const agency = (await call(a, 'GET', `${API}/entries/${AGENCY}`)).body as Entry;
      expect(agency.contact.phone[0]!.number).toBe(OLD_NUMBER);
      agency.contact.phone[0]!.number = NEW_NUMBER;
      expect(await call(a, 'PUT', `${API}/draft/${AGENCY}`, agency)).toEqual({ status: 200, body: { problems: [] } });
      const step = (await call(b, 'GET', `${API}/entries/${STEP}`)).body as Entry;
      step.actions = [NEW_ACTION, ...step.actions.slice(1)];
      expect((await call(b, 'PUT', `${API}/draft/${STEP}`, step)).status).toBe(200);

      const draft = (await call(a, 'GET', `${API}/draft`)).body;
      expect(draft.changes.map((c: { ref: string; author: string }) => [c.ref, c.author])).toEqual([
        [AGENCY, COORDINATOR],
        [STEP, COORDINATOR],
      ]);
      const patch = draft.diff.map((d: { patch: string }) => d.patch).join('\n');
      expect(patch).toMatch(new RegExp(`^\\+ *number: ${NEW_NUMBER}$`, 'm'));
      expect(patch).toMatch(new RegExp(`^- *number: ${OLD_NUMBER}$`, 'm'));

      const preview = (await call(a, 'GET', `${API}/preview`)).body;
      expect(preview.cards.map((c: { ref: string }) => c.ref)).toEqual([AGENCY, STEP]);
      expect(JSON.stringify(preview.cards)).toContain(NEW_NUMBER);
      expect(preview.asked).toBeGreaterThan(100);
      // Nothing is live before publishing.
      expect(await servesNumber(b, OLD_NUMBER)).toBe(true);

      const published = await call(a, 'POST', `${API}/publish`);
      expect(published).toEqual({ status: 200, body: { version: 2 } });
      for (const bot of [a, b]) {
        await vi.waitFor(async () => expect(await servesNumber(bot, NEW_NUMBER)).toBe(true), { timeout: 5000 });
        expect(await chat(bot, 'Wie erreiche ich die Kinder- und Jugendpsychiatrie telefonisch?')).toContain(
          NEW_NUMBER,
        );
        expect(JSON.stringify((await call(bot, 'GET', `/api/tab/entry?ref=${STEP}`)).body)).toContain(NEW_ACTION);
      }
      const versions = (await call(b, 'GET', `${API}/versions`)).body as {
        version: number;
        author: string;
        summary: string;
      }[];
      expect(versions.map((v) => [v.version, v.author])).toEqual([
        [1, 'repository'],
        [2, COORDINATOR],
      ]);
      expect(versions[1]!.summary).toContain(AGENCY);
      const diff = (await call(b, 'GET', `${API}/versions/2/diff`)).body.diff as { ref: string; patch: string }[];
      expect(diff.map((d) => d.ref)).toEqual([AGENCY, STEP]);
      expect((await call(a, 'GET', `${API}/draft`)).body.changes).toEqual([]);
    });

    it('rolls back to version 1 as a new version 3, on every instance', async () => {
      expect(await call(b, 'POST', `${API}/rollback/1`)).toEqual({ status: 200, body: { version: 3 } });
      for (const bot of [a, b]) {
        await vi.waitFor(async () => expect(await servesNumber(bot, OLD_NUMBER)).toBe(true), { timeout: 5000 });
        expect(await chat(bot, 'Wie erreiche ich die Kinder- und Jugendpsychiatrie telefonisch?')).not.toContain(
          NEW_NUMBER,
        );
      }
      const versions = (await call(a, 'GET', `${API}/versions`)).body as { version: number; summary: string }[];
      expect(versions.at(-1)).toMatchObject({ version: 3, summary: 'Zurück auf Version 1' });
      expect((await call(a, 'POST', `${API}/rollback/99`)).status).toBe(404);
    });

    it('exports the live version as the YAML files (comments kept) and imports them back through the check', async () => {
      const zip = (await call(a, 'GET', `${API}/export?version=2`)).body as ArrayBuffer;
      const files = unzipSync(new Uint8Array(zip));
      const agencies = strFromU8(files['agencies.yaml']!);
      expect(agencies).toContain(`number: ${NEW_NUMBER}`);
      expect(agencies).toMatch(/^# Die Akteure/); // the file's comments survive the edit
      expect(Object.keys(files).sort()).toEqual(expect.arrayContaining(['flow.yaml', 'steps.yaml', 'synonyms.yaml']));

      const broken = zipSync({ 'agencies.yaml': strToU8(agencies.replace('category: beratung', 'category: falsch')) });
      const refused = await call(a, 'POST', `${API}/import`, { zip: Buffer.from(broken).toString('base64') });
      expect(refused.status).toBe(422);
      const imported = await call(a, 'POST', `${API}/import`, { files: { 'agencies.yaml': agencies } });
      expect(imported).toEqual({ status: 200, body: { problems: [] } });
      expect((await call(a, 'GET', `${API}/draft`)).body.imported.author).toBe(COORDINATOR);
      expect((await call(a, 'DELETE', `${API}/draft`)).status).toBe(200);
      expect((await call(a, 'POST', `${API}/import`, { files: { '../etc/passwd': 'x' } })).status).toBe(400);
    });
  });
}

editingScenario('SQLite', () => ({ DATA_DIR: shared.sqliteDir }));

let azurite: Azurite | undefined;
const container = `k-${randomBytes(5).toString('hex')}`;
editingScenario(
  'Azure Storage on Azurite',
  () => ({
    STORAGE: 'azure',
    AZURE_STORAGE_CONNECTION_STRING: azurite!.connectionString,
    AZURE_STORAGE_CONTAINER: container,
  }),
  async () => void (azurite = await startAzurite()),
  async () => azurite?.stop(),
);

const shared = { sqliteDir: mkdtempSync(join(tmpdir(), 'knowledge-edit-')) };

describe('Four-eyes rule (KNOWLEDGE_APPROVAL=true) and the guided dialog across versions', () => {
  const fleet = twoInstances(() => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'knowledge-approval-')) }));
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await fleet.start({ KNOWLEDGE_APPROVAL: 'true' });
  });
  afterAll(() => fleet.stop());

  it('publishes only after a second coordinator approves', async () => {
    const agency = (await call(bot, 'GET', `${API}/entries/${AGENCY}`)).body as Entry;
    agency.contact.phone[0]!.number = NEW_NUMBER;
    await call(bot, 'PUT', `${API}/draft/${AGENCY}`, agency);
    expect(await call(bot, 'POST', `${API}/publish`)).toEqual({ status: 202, body: { requested: true } });
    expect((await call(bot, 'GET', `${API}/versions`)).body).toHaveLength(1);
    // In local mode the caller is the first coordinator: approving one's own request is refused.
    const own = await call(bot, 'POST', `${API}/approve`);
    expect(own.status).toBe(403);
    // The second coordinator (local mode signs everyone in as the first) approves through the route's service.
    const approved = await bot.editor.approve(SECOND);
    expect(approved).toEqual({ ok: true, version: 2 });
    const versions = (await call(bot, 'GET', `${API}/versions`)).body;
    expect(versions[1]).toMatchObject({ version: 2, author: COORDINATOR, approvedBy: SECOND });
  });

  it('a dialog begun before a change to the flow restarts with a German notice', async () => {
    const conversation = 'c-dialog-version';
    const node = (await call(bot, 'GET', `${API}/entries/node:situation`)).body as Record<string, unknown>;
    expect(await chat(bot, 'Was tun?', conversation)).toContain(String(node.text).slice(0, 20));
    const changed = await call(bot, 'PUT', `${API}/draft/node:situation`, {
      ...node,
      text: `${String(node.text)} (neu)`,
    });
    expect(changed.status).toBe(200);
    await call(bot, 'POST', `${API}/publish`);
    await bot.editor.approve(SECOND);
    await vi.waitFor(() => expect(bot.knowledge.current().version).toBe(3));
    const reply = await chat(bot, 'Zurück', conversation);
    expect(reply).toContain(TEXTS.guide.updated);
    expect(reply).toContain('(neu)');
    // A question typed into the outdated dialog is answered, and the notice follows.
    await call(bot, 'POST', `${API}/rollback/1`);
    await bot.editor.approve(SECOND).catch(() => undefined);
    await vi.waitFor(() => expect(bot.knowledge.current().version).toBe(4));
    const typed = await chat(bot, 'Wohin schicke ich die Versäumnisanzeige?', conversation);
    expect(typed).toContain('Versäumnisanzeige');
    expect(typed).toContain(TEXTS.guide.updatedEnded);
  });
});

describe('npm run knowledge:reset', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'knowledge-reset-'));
  const fleet = twoInstances(() => ({ DATA_DIR: dataDir }));
  afterAll(() => fleet.stop());

  it('publishes the repository’s knowledge/ again, and the running instance follows', async () => {
    const bot = await fleet.start();
    const agency = (await call(bot, 'GET', `${API}/entries/${AGENCY}`)).body as Entry;
    agency.contact.phone[0]!.number = NEW_NUMBER;
    await call(bot, 'PUT', `${API}/draft/${AGENCY}`, agency);
    await call(bot, 'POST', `${API}/publish`);
    expect(await servesNumber(bot, NEW_NUMBER)).toBe(true);
    const out = execFileSync(process.execPath, [require.resolve('tsx/cli'), 'src/cli/knowledge-reset.ts'], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(out).toContain('Version 3');
    await vi.waitFor(async () => expect(await servesNumber(bot, OLD_NUMBER)).toBe(true), { timeout: 5000 });
    const versions = (await call(bot, 'GET', `${API}/versions`)).body as { author: string }[];
    expect(versions.at(-1)).toMatchObject({ author: 'repository' });
  }, 60_000);
});
