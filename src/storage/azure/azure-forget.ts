import type { ContainerClient } from '@azure/storage-blob';
import { logger } from '../../shared/logger';
import {
  dropLegacyUserSlot,
  isConversationStateKey,
  isMemberStateKey,
  isUserStateKey,
  mentionsConversation,
} from '../../turn/state-keys';
import { listBlobs, mapLimit, readJson, unless, writeJson } from './blob-json';
import { DELIVERIES, isJobOf, subscriptionBlob } from './blob-names';

export type ForgetTarget = { conversationId?: string; userId?: string };

const PARALLEL = 8;
const REWRITE_ATTEMPTS = 3;
const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

/**
 * Best-effort erasure over the container: bot state blobs (BlobsStorage keeps them at the top level with
 * URI-encoded keys), the conversation's subscription and its pending delivery jobs. Returns records removed.
 */
export function azureForget(container: ContainerClient): (target: ForgetTarget) => Promise<number> {
  const remove = async (name: string) => ((await unless([404], container.deleteBlob(name))) ? 1 : 0);

  async function stateBlobs(): Promise<{ name: string; key: string }[]> {
    const found: { name: string; key: string }[] = [];
    for await (const item of container.listBlobsByHierarchy('/')) {
      if (item.kind === 'blob') found.push({ name: item.name, key: decodeURIComponent(item.name) });
    }
    return found;
  }

  /** Removes the user's slot from one conversation state blob, retrying on concurrent writes. */
  async function dropSlot(name: string, userId: string): Promise<number> {
    for (let attempt = 0; attempt < REWRITE_ATTEMPTS; attempt++) {
      const stored = await readJson<unknown>(container.getBlobClient(name));
      if (!stored || !dropLegacyUserSlot(stored.value, userId)) return 0;
      if (await writeJson(container, name, stored.value, { ifMatch: stored.etag })) return 1;
    }
    logger.warn({ blob: name }, 'forget: conversation state kept changing; user slot not removed');
    return 0;
  }

  async function forgetConversation(id: string, states: { name: string; key: string }[]): Promise<number> {
    const jobs = (await listBlobs(container, DELIVERIES)).filter(
      (b) => isJobOf(b.name, id) && b.metadata.state === 'pending',
    );
    const names = [
      ...states.filter((s) => mentionsConversation(s.key, id)).map((s) => s.name),
      subscriptionBlob(id),
      ...jobs.map((b) => b.name),
    ];
    return sum(await mapLimit(names, PARALLEL, remove));
  }

  async function forgetUser(id: string, states: { name: string; key: string }[]): Promise<number> {
    const own = states.filter((s) => isUserStateKey(s.key, id)).map((s) => s.name);
    const conversations = states.filter((s) => isConversationStateKey(s.key)).map((s) => s.name);
    return (
      sum(await mapLimit(own, PARALLEL, remove)) +
      sum(await mapLimit(conversations, PARALLEL, (name) => dropSlot(name, id)))
    );
  }

  return async ({ conversationId, userId }) => {
    const states = await stateBlobs();
    let removed = 0;
    if (conversationId) removed += await forgetConversation(conversationId, states);
    if (userId) {
      const left = conversationId ? states.filter((s) => !mentionsConversation(s.key, conversationId)) : states;
      removed += await forgetUser(userId, left);
    }
    return removed;
  };
}

/** Deletes users' own items in conversations last written before the cut-off; one written meanwhile stays. */
export function azureExpireUserSlots(container: ContainerClient): (before: number) => Promise<number> {
  return async (before) => {
    const stale: string[] = [];
    for await (const item of container.listBlobsByHierarchy('/')) {
      if (item.kind !== 'blob' || item.properties.lastModified.getTime() >= before) continue;
      if (isMemberStateKey(decodeURIComponent(item.name))) stale.push(item.name);
    }
    const conditions = { ifUnmodifiedSince: new Date(before) };
    const remove = async (name: string) =>
      (await unless([404, 412], container.deleteBlob(name, { conditions }))) ? 1 : 0;
    return sum(await mapLimit(stale, PARALLEL, remove));
  };
}
