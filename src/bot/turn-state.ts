// Deep imports: the package index also loads teams-ai's AI modules (~20 MB) that this bot never uses.
import { TurnState, type DefaultConversationState, type DefaultUserState } from '@microsoft/teams-ai/lib/TurnState';
import type { TurnContext } from 'botbuilder';

/** What the bot remembers per user inside a conversation (two teachers in one chat stay apart). */
export interface UserSlot {
  /** `kind:id` of the entry last shown, for typed follow-ups ("Nächster Schritt"). */
  lastRef?: string;
  /** The guided dialog (validated when read: storage may hold old shapes). */
  dialog?: unknown;
  /** A coordinator's news draft between preview and send (validated when read). */
  newsDraft?: unknown;
  updatedAt: number;
}

export interface BotConversationState extends DefaultConversationState {
  welcomedAt?: number;
  users?: Record<string, UserSlot>;
}

export type BotTurnState = TurnState<BotConversationState>;

/**
 * Loads and saves only the conversation scope: per-user data lives in its slots, so no user-scope read
 * per turn. teams-ai still looks at `user` (sign-in flow), which is an empty object for this turn only.
 */
export class ConversationTurnState extends TurnState<BotConversationState> {
  private turnUser: DefaultUserState = {};

  protected override async onComputeStorageKeys(context: TurnContext): Promise<Record<string, string>> {
    const { conversation } = await super.onComputeStorageKeys(context);
    return { conversation: conversation! };
  }

  override get user(): DefaultUserState {
    return this.turnUser;
  }

  override set user(value: DefaultUserState) {
    this.turnUser = value;
  }
}

const MAX_USERS_PER_CONVERSATION = 200;
/** Per-user slots untouched this long are dropped when the conversation state is next written. */
export const USER_SLOT_TTL_MS = 24 * 60 * 60 * 1000;

export function userSlot(state: BotTurnState, userId: string): UserSlot {
  const users = (state.conversation.users ??= {});
  return users[userId] ?? { updatedAt: 0 };
}

/** Updates the slot, dropping the least recently used ones beyond the bound. */
export function saveUserSlot(state: BotTurnState, userId: string, patch: Partial<Omit<UserSlot, 'updatedAt'>>): void {
  const users = (state.conversation.users ??= {});
  const now = Date.now();
  users[userId] = { ...users[userId], ...patch, updatedAt: now };
  for (const [id, slot] of Object.entries(users)) if (now - slot.updatedAt > USER_SLOT_TTL_MS) delete users[id];
  const ids = Object.keys(users);
  if (ids.length <= MAX_USERS_PER_CONVERSATION) return;
  ids.sort((a, b) => users[a]!.updatedAt - users[b]!.updatedAt);
  for (const id of ids.slice(0, ids.length - MAX_USERS_PER_CONVERSATION)) delete users[id];
}

/** Removes a user's slot from the conversation state of this turn (it is saved without it). */
export function dropUserSlot(state: BotTurnState, userId: string): void {
  if (state.conversation.users) delete state.conversation.users[userId];
}
