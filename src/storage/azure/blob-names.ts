import type { DeliveryAction } from '../../broadcast/model';

/** Blob names of everything but bot state (BlobsStorage encodes its keys, so they never contain '/'). */
const enc = encodeURIComponent;

export const SUBSCRIPTIONS = 'subscriptions/';
export const BROADCASTS = 'broadcasts/';
export const DELIVERIES = 'deliveries/';

export const subscriptionBlob = (conversationId: string) => `${SUBSCRIPTIONS}${enc(conversationId)}.json`;
export const broadcastBlob = (id: string) => `${BROADCASTS}${enc(id)}.json`;

/** `deliveries/<broadcastId>/` or `deliveries/<broadcastId>/<action>/`: one broadcast's jobs. */
export const deliveriesOf = (broadcastId: string, action?: DeliveryAction) =>
  `${DELIVERIES}${enc(broadcastId)}/${action ? `${action}/` : ''}`;

export const jobBlob = (key: { broadcastId: string; action: DeliveryAction; conversationId: string }) =>
  `${deliveriesOf(key.broadcastId, key.action)}${enc(key.conversationId)}.json`;

/** Does a job blob belong to this conversation? */
export const isJobOf = (name: string, conversationId: string) => name.endsWith(`/${enc(conversationId)}.json`);
