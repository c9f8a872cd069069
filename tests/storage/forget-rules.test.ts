import { describe, expect, it } from 'vitest';
import { dropUserSlot, isUserStateKey, mentionsConversation } from '../../src/storage/forget-rules';

describe('which state belongs to a conversation or a user', () => {
  it.each([
    ['msteams/bot/conversations/a:1abc', 'a:1abc', true],
    ['msteams/bot/conversations/19:x@thread.tacv2;messageid=17', '19:x@thread.tacv2', true],
    ['msteams/bot/conversations/a:1abcdef', 'a:1abc', false],
    ['msteams/bot/conversations/xa:1abc', 'a:1abc', false],
    ['msteams/bot/users/29:1', '', false],
  ])('%s names conversation %s: %s', (key, id, expected) => {
    expect(mentionsConversation(key, id)).toBe(expected);
  });

  it('recognises user-scope keys exactly', () => {
    expect(isUserStateKey('msteams/bot/users/29:1', '29:1')).toBe(true);
    expect(isUserStateKey('msteams/bot/users/29:12', '29:1')).toBe(false);
  });

  it("removes only the user's slot", () => {
    const state = { users: { a: { updatedAt: 1 }, b: { updatedAt: 2 } }, welcomedAt: 3 };
    expect(dropUserSlot(state, 'a')).toBe(true);
    expect(state).toEqual({ users: { b: { updatedAt: 2 } }, welcomedAt: 3 });
    expect(dropUserSlot(state, 'a')).toBe(false);
    expect(dropUserSlot({ users: null }, 'a')).toBe(false);
    expect(dropUserSlot('text', 'a')).toBe(false);
  });
});
