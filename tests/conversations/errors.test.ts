import { MemoryStorage, TestAdapter } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import type { Logger } from '../../src/shared/logger';
import { TEXTS } from '../../src/texts';
import { realCore } from '../support/bot-harness';

/** A logger that records what it was given. */
function recordingLogger() {
  const lines: string[] = [];
  const record = (obj: unknown, msg?: string) => void lines.push(`${JSON.stringify(obj)} ${msg ?? ''}`);
  const fake = { info: record, warn: record, error: record, debug: record, fatal: record, child: () => fake };
  return { lines, logger: fake as unknown as Logger };
}

describe('When a turn fails', () => {
  it('apologises in German, logs without the user text, and keeps serving', async () => {
    const core = realCore();
    let fail = true;
    const engine = {
      ...core.engine,
      ask: (q: string) => {
        if (fail) throw new Error('index exploded');
        return core.engine.ask(q);
      },
    };
    const { lines, logger } = recordingLogger();
    const bot = buildApp({ ...core, engine, logger }, new MemoryStorage());
    const adapter = new TestAdapter((context) => bot.handleTurn(context));

    await adapter.receiveActivity('Schülerin Erika Mustermann fehlt');
    expect(adapter.activeQueue.splice(0).map((a) => a.text)).toEqual([TEXTS.errorApology]);
    expect(lines.join('\n')).toContain('index exploded');
    expect(lines.join('\n')).not.toContain('Mustermann');

    fail = false;
    await adapter.receiveActivity('Wohin schicke ich die Versäumnisanzeige?');
    expect(adapter.activeQueue.splice(0)[0]?.attachments).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('Versäumnisanzeige?');
  });
});
