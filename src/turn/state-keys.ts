/**
 * Which stored state belongs to whom. teams-ai keys look like `msteams/<botId>/conversations/<conversationId>`
 * and `msteams/<botId>/users/<userId>`; a channel's key may carry `;messageid=…` after the id. A user's own
 * item in a conversation is `<conversation key>/users/<userId>`.
 */

/** A user's own item in a conversation untouched this long counts as empty and is deleted by the expiry. */
export const USER_SLOT_TTL_MS = 24 * 60 * 60 * 1000;

export const memberStateKey = (conversationKey: string, userId: string): string => `${conversationKey}/users/${userId}`;

/** Is this a user's own item in a conversation (expires when untouched)? */
export const isMemberStateKey = (key: string): boolean => /\/conversations\/.+\/users\/./.test(key);

/** Does a state key belong to this conversation (its item, a thread of it, or a member's item in it)? */
export function mentionsConversation(key: string, conversationId: string): boolean {
  const marker = '/conversations/';
  const start = key.indexOf(marker) + marker.length;
  if (!conversationId || start < marker.length || !key.startsWith(conversationId, start)) return false;
  const after = key[start + conversationId.length];
  return after === undefined || after === ';' || after === '/';
}

/** Is this the user's state: user scope, or the user's own item in a conversation? */
export const isUserStateKey = (key: string, userId: string): boolean =>
  userId !== '' && key.endsWith(`/users/${userId}`);

/** Could this item hold old-shape per-user slots (a conversation item, not a member's)? */
export const isConversationStateKey = (key: string): boolean =>
  key.includes('/conversations/') && !isMemberStateKey(key);

/** Removes the user's old-shape slot (`{ users: { [userId]: … } }`); true if something was removed. */
export function dropLegacyUserSlot(state: unknown, userId: string): boolean {
  if (typeof state !== 'object' || state === null) return false;
  const users = (state as { users?: unknown }).users;
  if (typeof users !== 'object' || users === null || !Object.prototype.hasOwnProperty.call(users, userId)) return false;
  delete (users as Record<string, unknown>)[userId];
  return true;
}
