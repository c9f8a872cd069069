import { describe, expect, it } from 'vitest';
import { addresseesIn } from '../../../src/search/addressee';

describe('who a hearing or a form is for', () => {
  it.each([
    ['Die Anhörung ist für ihn selbst, nicht für die Mutter. Welcher Vordruck?', ['jugendliche'], ['eltern']],
    ['Ich muss einen 14-Jährigen selbst anhören, nicht die Eltern.', ['jugendliche'], ['eltern']],
    ['Kann ich den Betrieb anhören, und welcher Vordruck wäre das?', ['betrieb'], []],
    ['Jetzt soll die Anhörung an den Azubi selbst raus.', ['jugendliche'], []],
    ['Which hearing letter goes to the parents?', ['eltern'], []],
    // "nicht nur X, sondern Y": Y is asked about; a pupil named with "selbst" is the young person.
    ['Jetzt soll angehört werden, nicht nur die Eltern, sondern Timo selbst. Welches Schreiben?', ['jugendliche'], []],
    ['Die Anhörung macht die Mutter selbst schriftlich, welcher Vordruck?', ['eltern'], []],
    // The proceeding is directed against a party ("gegen den Betrieb vorgehen").
    ['Die Schule will nicht gegen Dennis, sondern gegen den Betrieb vorgehen.', ['betrieb'], []],
    // A party named outside the sentence about the hearing says nothing about it.
    ['Die Mutter ist kooperativ. Welcher Vordruck?', [], []],
  ])('"%s" → wanted %j, ruled out %j', (text, wanted, ruledOut) => {
    const read = addresseesIn(text);
    expect([...read.wanted]).toEqual(wanted);
    expect([...read.ruledOut]).toEqual(ruledOut);
  });
});
