// Deep imports: the package index also loads teams-ai's AI modules (~20 MB) that this bot never uses.
import { TurnState, type DefaultConversationState, type DefaultUserState } from '@microsoft/teams-ai/lib/TurnState';
import type { Storage, TurnContext } from 'botbuilder';
import { USER_SLOT_TTL_MS, memberStateKey } from './state-keys';

/** What the bot remembers per user inside a conversation (two teachers in one chat stay apart). */
export interface UserSlot {
  /** `kind:id` of the entry last shown, for typed follow-ups ("Nächster Schritt"). */
  lastRef?: string;
  /** The guided dialog (validated when read: storage may hold old shapes). */
  dialog?: unknown;
  /** A coordinator's news draft between preview and send (validated when read). */
  newsDraft?: unknown;
  /** Recent answer messages (activity id → `kind:id`): Teams' feedback names only the message. */
  answers?: Record<string, string>;
  updatedAt: number;
}

export interface BotConversationState extends DefaultConversationState {
  welcomedAt?: number;
  /** Before per-member items: every member's slot in the conversation item. Moved out when read. */
  users?: Record<string, UserSlot>;
}

export type BotTurnState = TurnState<BotConversationState>;

const MEMBER_SCOPE = 'member';

/**
 * Loads and saves the conversation item (welcome) and this user's own item in the conversation, so a
 * turn reads and writes a few hundred bytes and two members never contend for one eTag. teams-ai still
 * looks at `user` (sign-in flow), which is an empty object for this turn only.
 */
export class ConversationTurnState extends TurnState<BotConversationState> {
  private turnUser: DefaultUserState = {};

  protected override async onComputeStorageKeys(context: TurnContext): Promise<Record<string, string>> {
    const { conversation } = await super.onComputeStorageKeys(context);
    return { conversation: conversation!, [MEMBER_SCOPE]: memberStateKey(conversation!, context.activity.from.id) };
  }

  override async load(context: TurnContext, storage?: Storage): Promise<boolean> {
    const loaded = await super.load(context, storage);
    if (loaded) this.adoptLegacySlot(context.activity.from.id);
    return loaded;
  }

  /** Moves this user's slot out of an old-shape conversation item; the other members' old slots go. */
  private adoptLegacySlot(userId: string): void {
    const legacy = this.conversation.users;
    if (!legacy) return;
    const member = memberScope(this).value as Partial<UserSlot>;
    if (!member.updatedAt && legacy[userId]) Object.assign(member, legacy[userId]);
    delete this.conversation.users;
  }

  override get user(): DefaultUserState {
    return this.turnUser;
  }

  override set user(value: DefaultUserState) {
    this.turnUser = value;
  }
}

function memberScope(state: BotTurnState) {
  const scope = state.getScope(MEMBER_SCOPE);
  if (!scope) throw new Error('turn state without member scope: use ConversationTurnState');
  return scope;
}

const isFresh = (slot: Partial<UserSlot>, now: number) =>
  typeof slot.updatedAt === 'number' && now - slot.updatedAt <= USER_SLOT_TTL_MS;

/** This turn's user's slot in this conversation (empty when never written or expired). */
export function userSlot(state: BotTurnState): UserSlot {
  const slot = memberScope(state).value as Partial<UserSlot>;
  return isFresh(slot, Date.now()) ? (slot as UserSlot) : { updatedAt: 0 };
}

/** Updates this turn's user's slot; an expired slot starts empty. The stored eTag stays (in place). */
export function saveUserSlot(state: BotTurnState, patch: Partial<Omit<UserSlot, 'updatedAt'>>): void {
  const slot = memberScope(state).value as Partial<UserSlot> & { eTag?: string };
  const now = Date.now();
  if (!isFresh(slot, now)) for (const key of Object.keys(slot)) if (key !== 'eTag') delete slot[key as keyof UserSlot];
  Object.assign(slot, patch, { updatedAt: now });
}

/** Deletes this turn's user's slot (the item is removed when the turn state is saved). */
export function dropUserSlot(state: BotTurnState): void {
  memberScope(state).delete();
}
