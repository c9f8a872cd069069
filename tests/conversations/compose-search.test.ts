import { describe, expect, it } from 'vitest';
import { botHarness } from '../support/bot-harness';

interface Attachment {
  contentType: string;
  content: { body: { text?: string }[] };
  preview: { contentType: string; content: { title: string; text: string } };
}

/** Sends a compose-box search invoke through the app and returns the invoke response. */
async function search(text: string) {
  const { adapter } = botHarness();
  await adapter.receiveActivity({
    type: 'invoke',
    name: 'composeExtension/query',
    from: { id: 'teacher', name: 'Lehrkraft' },
    value: {
      commandId: 'searchKnowledge',
      parameters: [{ name: 'query', value: text }],
      queryOptions: { skip: 0, count: 25 },
    },
  });
  const [response] = adapter.activeQueue.splice(0);
  expect(response?.type).toBe('invokeResponse');
  const { status, body } = response!.value as {
    status: number;
    body: { composeExtension: { type: string; attachments: Attachment[] } };
  };
  return { status, ...body.composeExtension };
}

describe('The search message extension', () => {
  it('answers "Anhörung" with preview cards and full Adaptive Cards', async () => {
    const result = await search('Anhörung');
    expect(result.status).toBe(200);
    expect(result.type).toBe('result');
    const first = result.attachments[0]!;
    expect(first.preview.content.title).toMatch(/Anhörung/);
    expect(first.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(first.content)).not.toContain('Action.Submit');
  });

  it('finds agencies by abbreviation', async () => {
    const result = await search('JA');
    expect(result.attachments[0]?.preview.content.title).toMatch(/Jugendamt/);
  });

  it('shows the most used entries for an empty query', async () => {
    const result = await search('');
    expect(result.attachments.length).toBeGreaterThan(3);
  });

  it('returns an empty list for nonsense, not an error', async () => {
    const result = await search('xqzv');
    expect(result.status).toBe(200);
    expect(result.attachments).toEqual([]);
  });
});
