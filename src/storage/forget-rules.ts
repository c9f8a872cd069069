/**
 * Which stored state belongs to whom. teams-ai keys look like `msteams/<botId>/conversations/<conversationId>`
 * and `msteams/<botId>/users/<userId>`; a channel's key may carry `;messageid=…` after the id.
 */

/** Does a state key name this conversation (as a whole path segment, optionally followed by `;…`)? */
export function mentionsConversation(key: string, conversationId: string): boolean {
  if (!conversationId) return false;
  for (let at = key.indexOf(conversationId); at !== -1; at = key.indexOf(conversationId, at + 1)) {
    const before = at === 0 ? '/' : key[at - 1];
    const after = key[at + conversationId.length];
    if (before === '/' && (after === undefined || after === ';' || after === '/')) return true;
  }
  return false;
}

/** Is this the user-scope state of the user? */
export const isUserStateKey = (key: string, userId: string): boolean =>
  userId !== '' && key.endsWith(`/users/${userId}`);

/** Could this state item hold per-user slots (conversation scope)? */
export const isConversationStateKey = (key: string): boolean => key.includes('/conversations/');

/** Removes the user's slot from conversation state (`{ users: { [userId]: … } }`); true if something was removed. */
export function dropUserSlot(state: unknown, userId: string): boolean {
  if (typeof state !== 'object' || state === null) return false;
  const users = (state as { users?: unknown }).users;
  if (typeof users !== 'object' || users === null || !Object.prototype.hasOwnProperty.call(users, userId)) return false;
  delete (users as Record<string, unknown>)[userId];
  return true;
}
