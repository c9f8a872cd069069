import { describe, expect, it } from 'vitest';
import {
  dropLegacyUserSlot,
  isConversationStateKey,
  isMemberStateKey,
  isUserStateKey,
  memberStateKey,
  mentionsConversation,
} from '../../../src/turn/state-keys';

describe('which state belongs to a conversation or a user', () => {
  it.each([
    ['msteams/bot/conversations/a:1abc', 'a:1abc', true],
    ['msteams/bot/conversations/19:x@thread.tacv2;messageid=17', '19:x@thread.tacv2', true],
    ['msteams/bot/conversations/a:1abcdef', 'a:1abc', false],
    ['msteams/bot/conversations/xa:1abc', 'a:1abc', false],
    ['msteams/bot/users/29:1', '', false],
    ['msteams/bot/conversations/a:1abc/users/29:1', 'a:1abc', true],
    ['msteams/bot/conversations/a:2/users/a:1abc', 'a:1abc', false],
    ['msteams/bot/users/a:1abc', 'a:1abc', false],
  ])('%s names conversation %s: %s', (key, id, expected) => {
    expect(mentionsConversation(key, id)).toBe(expected);
  });

  it("recognises a user's keys exactly: user scope and own items in conversations", () => {
    expect(isUserStateKey('msteams/bot/users/29:1', '29:1')).toBe(true);
    expect(isUserStateKey('msteams/bot/conversations/a:1/users/29:1', '29:1')).toBe(true);
    expect(isUserStateKey('msteams/bot/users/29:12', '29:1')).toBe(false);
  });

  it('tells member items from conversation items', () => {
    const conversation = 'msteams/bot/conversations/19:x@thread.tacv2;messageid=17';
    const member = memberStateKey(conversation, '29:1');
    expect(isMemberStateKey(member)).toBe(true);
    expect(isConversationStateKey(member)).toBe(false);
    expect(isMemberStateKey(conversation)).toBe(false);
    expect(isConversationStateKey(conversation)).toBe(true);
    expect(isMemberStateKey('msteams/bot/users/29:1')).toBe(false);
  });

  it("removes only the user's slot", () => {
    const state = { users: { a: { updatedAt: 1 }, b: { updatedAt: 2 } }, welcomedAt: 3 };
    expect(dropLegacyUserSlot(state, 'a')).toBe(true);
    expect(state).toEqual({ users: { b: { updatedAt: 2 } }, welcomedAt: 3 });
    expect(dropLegacyUserSlot(state, 'a')).toBe(false);
    expect(dropLegacyUserSlot({ users: null }, 'a')).toBe(false);
    expect(dropLegacyUserSlot('text', 'a')).toBe(false);
  });
});
