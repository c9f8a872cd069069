import type { Audience, Broadcast, DeliveryJob, NewsTopic, Subscription } from '../../src/broadcast/model';

export const audience = (a: Partial<Audience> = {}): Audience => ({ schoolTypes: [], districts: [], ...a });

export const subscription = (
  conversationId: string,
  topics: NewsTopic[] = ['fortbildungen'],
  filter: Partial<Audience> = {},
  at = 1000,
): Subscription => ({
  conversationId,
  reference: { conversation: { id: conversationId }, serviceUrl: 'https://smba.example/emea/' },
  conversationType: 'personal',
  tenantId: 'tenant-1',
  topics,
  audience: audience(filter),
  createdAt: at,
  updatedAt: at,
});

export const broadcast = (id: string, authorId = 'author-1', createdAt = 1000, version = 1): Broadcast => ({
  id,
  authorId,
  news: {
    title: 'Fortbildung „Schulabsentismus“',
    text: 'Anmeldung bis Freitag – äöü ß',
    topic: 'fortbildungen',
    audience: audience(),
  },
  version,
  status: 'sending',
  createdAt,
});

export const job = (broadcastId: string, conversationId: string, over: Partial<DeliveryJob> = {}): DeliveryJob => ({
  broadcastId,
  conversationId,
  action: 'send',
  state: 'pending',
  attempts: 0,
  notBefore: 0,
  updatedAt: 1000,
  ...over,
});

/** Teams-like ids: a personal chat and a channel conversation, a user. */
export const PERSONAL = 'a:1Xy-personal_chat';
export const CHANNEL = '19:abc@thread.tacv2';
export const USER = '29:1user-aad';

export const stateKey = {
  conversation: (id: string) => `msteams/bot-1/conversations/${id}`,
  user: (id: string) => `msteams/bot-1/users/${id}`,
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
