import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBot, type RunningBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import { TEXTS } from '../../src/texts';
import { realCore } from '../support/bot-harness';
import { FakeConnector } from '../support/fake-connector';

let bot: RunningBot;
let fake: FakeConnector;
const HOME = 'tenant-dortmund';

// The npm start composition in local mode, limited to one tenant, replies going to a fake Bot Connector.
beforeAll(async () => {
  fake = await FakeConnector.start();
  bot = await startBot(
    loadConfig({ PORT: '0', ALLOWED_TENANT_IDS: HOME, DATA_DIR: mkdtempSync(join(tmpdir(), 'invokes-')) }),
    logger,
    realCore(),
  );
});
afterAll(async () => {
  await bot.stop();
  await fake.close();
});
let stderr: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.restoreAllMocks();
  stderr = vi.spyOn(process.stderr, 'write');
});

const invoke = async (name: string, value: unknown, tenant = HOME) => {
  const res = await fetch(`${bot.server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name,
      value,
      id: `inv-${Math.random()}`,
      channelId: 'msteams',
      serviceUrl: fake.url,
      from: { id: 'u', aadObjectId: 'a' },
      recipient: { id: 'bot' },
      conversation: { id: 'inv-chat', conversationType: 'personal', tenantId: tenant },
      channelData: { tenant: { id: tenant } },
    }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
};
const emptyResult = { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };

describe('Invokes no route answers (blocked, unknown, malformed)', () => {
  it.each<[string, string, unknown, number, unknown]>([
    [
      'an unknown message-extension command',
      'composeExtension/query',
      { commandId: 'nope', parameters: [] },
      200,
      emptyResult,
    ],
    ['a query without a value', 'composeExtension/query', 'x', 400, undefined],
    ['an item selection', 'composeExtension/selectItem', 'x', 200, emptyResult],
    ['a dialog fetch', 'task/fetch', {}, 200, { task: { type: 'message', value: TEXTS.invokeNotAvailable } }],
    [
      'a dialog submit',
      'task/submit',
      { data: 1 },
      200,
      { task: { type: 'message', value: TEXTS.invokeNotAvailable } },
    ],
    ['a malformed feedback fetch', 'message/fetchTask', 5, 400, undefined],
    ['an unknown invoke', 'made/up', {}, 200, {}],
  ])('%s → %i', async (_case, name, value, status, body) => {
    const res = await invoke(name, value);
    expect(res.status).toBe(status);
    if (body !== undefined) expect(res.body).toEqual(body);
    expect(JSON.stringify(res.body ?? {})).not.toMatch(/stack|Error:|at /);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('a message-extension search from a foreign tenant gets an empty result, not the knowledge', async () => {
    const query = { commandId: 'searchKnowledge', parameters: [{ name: 'query', value: 'Bußgeld' }] };
    const home = await invoke('composeExtension/query', query);
    expect(home.status).toBe(200);
    expect(JSON.stringify(home.body)).toContain('attachments');
    expect((home.body as typeof emptyResult).composeExtension.attachments.length).toBeGreaterThan(0);
    const foreign = await invoke('composeExtension/query', query, 'tenant-elsewhere');
    expect(foreign).toEqual({ status: 200, body: emptyResult });
  });

  it('posts no apology into a chat for any of them', async () => {
    const apologies = fake.calls.filter((c) => JSON.stringify(c.activity ?? {}).includes(TEXTS.errorApology));
    expect(apologies).toEqual([]);
  });
});
