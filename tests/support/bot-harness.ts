import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { coordinatorPolicy } from '../../src/roles/coordinators';
import { createSqliteStores } from '../../src/storage/sqlite/sqlite-stores';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { buildApp } from '../../src/app';
import { scheduler } from '../../src/broadcast/broadcast-lifecycle';
import { loadCore, type Core } from '../../src/core/bootstrap';
import { logger } from '../../src/shared/logger';

let core: Core | undefined;
/** The real knowledge/ folder, loaded once per test file. */
export const realCore = (): Core => (core ??= loadCore({ knowledgeDir: resolve(__dirname, '../../knowledge') }));

export interface CardReply {
  readonly card?: { body: Record<string, unknown>[]; actions?: Record<string, unknown>[] };
  readonly text?: string;
}

/** A bot on a TestAdapter with real SQLite stores in a temp folder; `say` sends one activity and returns the replies. */
export function botHarness(
  opts: {
    conversationType?: 'personal' | 'groupChat' | 'channel';
    coordinators?: string[];
    topicLimits?: string;
    approval?: boolean;
  } = {},
) {
  const stores = createSqliteStores(mkdtempSync(join(tmpdir(), 'bot-harness-')));
  let wakes = 0;
  // The sender's scheduler, as in production: a wake runs its next round (it queues what "Senden" scheduled).
  const startDue = scheduler({ stores, now: Date.now, logger, started: () => undefined });
  const broadcasting = {
    stores,
    policy: coordinatorPolicy(opts.coordinators ?? [], opts.topicLimits ?? ''),
    wake: () => {
      wakes++;
      startDue.soon();
    },
    approval: opts.approval,
  };
  const forgotten: { conversationId?: string; userId?: string }[] = [];
  const forget = async (target: { conversationId?: string; userId?: string }) => (
    forgotten.push(target),
    stores.forget(target)
  );
  const bot = buildApp({ ...realCore(), logger, broadcasting, forget, counts: stores.counts }, new MemoryStorage());
  const adapter = new TestAdapter((context) => bot.handleTurn(context), {
    channelId: 'msteams',
    conversation: {
      id: 'conv-1',
      conversationType: opts.conversationType ?? 'personal',
      isGroup: opts.conversationType !== 'personal' && opts.conversationType !== undefined,
      name: '',
    },
  } as Partial<Activity>);

  async function say(
    activity: string | Partial<Activity>,
    from = { id: 'user-1', name: 'Lehrkraft' },
  ): Promise<CardReply[]> {
    const a: Partial<Activity> =
      typeof activity === 'string' ? { type: ActivityTypes.Message, text: activity } : activity;
    await adapter.receiveActivity({ from, ...a });
    await startDue.tick();
    return adapter.activeQueue.splice(0).map(toReply);
  }
  return { adapter, say, stores, wakes: () => wakes, forgotten };
}

function toReply(activity: Partial<Activity>): CardReply {
  const attachment = activity.attachments?.[0];
  return { text: activity.text, card: attachment?.content as CardReply['card'] };
}

/** All text of a card, flattened (TextBlocks, facts, button titles). */
export function cardText(reply: CardReply | undefined): string {
  if (!reply) return '';
  if (!reply.card) return reply.text ?? '';
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title' || k === 'value') && typeof v === 'string') parts.push(v);
        else walk(v);
      }
    }
  };
  walk(reply.card);
  return parts.join('\n');
}

/** The title (first heading) of a card reply. */
export const cardTitle = (reply: CardReply | undefined): string =>
  ((reply?.card?.body ?? []).find((b) => b.style === 'heading')?.text as string | undefined) ?? reply?.text ?? '';

/** Data of every Action.Submit in a card. */
export function submitData(reply: CardReply | undefined): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Submit') out.push(o.data as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(reply?.card);
  return out;
}

/** The Action.Submit data of the button titled `title` in any of the replies (newest first). */
export function buttonData(replies: readonly CardReply[], title: string | RegExp): Record<string, unknown> {
  const matches = (t: unknown) => (typeof title === 'string' ? t === title : typeof t === 'string' && title.test(t));
  for (const reply of [...replies].reverse()) {
    const found: Record<string, unknown>[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (o.type === 'Action.Submit' && matches(o.title)) found.push(o.data as Record<string, unknown>);
        Object.values(o).forEach(walk);
      }
    };
    walk(reply.card);
    if (found[0]) return found[0];
  }
  throw new Error(`no button "${String(title)}" in the last replies`);
}
