import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/texts';
import { botHarness } from '../support/bot-harness';

/** Texts teachers and attackers might send: unicode, control and invisible characters, markup, templates. */
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '${user.name}',
    '{{7*7}}',
    '<script>alert(1)</script>',
    '**fett** [link](javascript:alert(1))',
    '\u202Egnuröhna\u202C',
    'a\u200Bb\u200Dc',
    '\u0000\u0007\u001b[31mrot',
    '🙂🧒🏽🏫'.repeat(20),
    'Anhörung'.repeat(400),
  ),
  fc
    .tuple(fc.constantFrom('Anhörung', 'Kontakt', 'Was tun?', 'Zurück', 'Vordruck'), fc.string({ maxLength: 40 }))
    .map(([a, b]) => a + b),
);

const randomValue = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      verb: fc.constantFrom('show', 'followup', 'ask', 'guide', 'directory', 'subscribe', 'broadcast', 'x'),
      ref: fc.string(),
      action: fc.string(),
      node: fc.string(),
      value: fc.string(),
      q: fc.string(),
    },
    { requiredKeys: ['verb'] },
  ),
);

const randomActivity = fc.record({
  type: fc.constantFrom(
    'message',
    'message',
    'message',
    'invoke',
    'conversationUpdate',
    'installationUpdate',
    'event',
    'messageReaction',
    'typing',
  ),
  text: fc.option(hostileText, { nil: undefined }),
  value: randomValue,
  name: fc.option(fc.constantFrom('composeExtension/query', 'adaptiveCard/action', 'task/fetch', 'unknown'), {
    nil: undefined,
  }),
  action: fc.option(fc.constantFrom('add', 'remove', 'weird'), { nil: undefined }),
});

describe('Whatever arrives', () => {
  it('the bot never throws out of a turn, never apologises for a crash and never leaks an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(randomActivity, { minLength: 1, maxLength: 6 }), async (activities) => {
        const { say } = botHarness({ conversationType: 'groupChat' });
        for (const a of activities) {
          const replies = await say(a as never);
          const json = JSON.stringify(replies);
          expect(replies.map((r) => r.text)).not.toContain(TEXTS.errorApology);
          expect(json).not.toMatch(/\bat \S+ \(|TypeError|ReferenceError|ZodError|\.ts:\d+/);
          expect(json.length).toBeLessThan(100_000);
        }
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });

  it('typed text is never echoed raw into a card', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const replies = await botHarness().say(text);
        const cards = replies.filter((r) => r.card).map((r) => JSON.stringify(r.card));
        for (const marker of ['${user.name}', '<script>', '{{7*7}}', '](javascript:']) {
          if (text.includes(marker)) for (const c of cards) expect(c).not.toContain(marker);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
