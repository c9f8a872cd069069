import { describe, expect, it } from 'vitest';
import { activityProblem, tidyActivity } from '../../src/activity-check';

const base = {
  type: 'message',
  channelId: 'msteams',
  from: { id: 'u' },
  recipient: { id: 'b' },
  conversation: { id: 'c' },
};

describe('When an activity carries wrongly typed fields', () => {
  it('drops them (and bad list items) and names what was dropped', () => {
    const a: Record<string, unknown> = { ...base, entities: 'x', membersAdded: [null, { id: 'm' }], action: {} };
    expect(tidyActivity(a)).toEqual(['membersAdded[]', 'entities', 'action']);
    expect(a).toMatchObject({ membersAdded: [{ id: 'm' }] });
    expect(a.entities).toBeUndefined();
    expect(tidyActivity({ ...base, entities: [{ type: 'mention' }] })).toEqual([]);
  });

  it('refuses a message-extension query whose parameters are not a list', () => {
    const query = { ...base, type: 'invoke', name: 'composeExtension/query' };
    expect(activityProblem({ ...query, value: { parameters: 'x' } })).toBe('value.parameters');
    expect(activityProblem({ ...query, value: { parameters: [{ name: 'query', value: 'a' }] } })).toBeUndefined();
  });
});
