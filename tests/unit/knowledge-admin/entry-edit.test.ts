import { describe, expect, it } from 'vitest';
import { changedRefs, listEntries, readEntry, writeEntry } from '../../../src/knowledge-admin/entry-edit';
import { diffVersions, summarise } from '../../../src/knowledge-admin/version-diff';

const files = new Map([
  [
    'agencies.yaml',
    [
      '# Kontaktdaten nur aus dem Referenzblatt.',
      'entries:',
      '  - kind: agency',
      '    id: amt',
      '    title: "Ein Amt"',
      '    # geprüft 2024',
      '    contact:',
      '      phone: [{ label: Zentrale, number: "0231 1" }]',
      '  - kind: agency',
      '    id: dienst',
      '    title: Ein Dienst',
      '',
    ].join('\n'),
  ],
  ['flow.yaml', 'start: a\nnodes:\n  - kind: question\n    id: a\n    text: Was ist passiert?\n'],
  ['synonyms.yaml', 'groups: []\n'],
]);

describe('Entry edits in the YAML files', () => {
  it('lists entries and dialog nodes by ref', () => {
    expect(listEntries(files).map((e) => [e.ref, e.title])).toEqual([
      ['agency:amt', 'Ein Amt'],
      ['agency:dienst', 'Ein Dienst'],
      ['node:a', 'Was ist passiert?'],
    ]);
  });

  it('changes only the edited field: comments, quoting and the other entries stay as written', () => {
    const entry = readEntry(files, 'agency:amt') as { contact: { phone: { number: string }[] } };
    entry.contact.phone[0]!.number = '0231 2';
    const after = writeEntry(files, 'agency:amt', entry).get('agencies.yaml')!;
    const changed = after.split('\n').filter((line, i) => line !== files.get('agencies.yaml')!.split('\n')[i]);
    expect(changed).toEqual([
      '      phone: [{ label: Zentrale, number: "0231 2" }]'.replace('{ ', '{').replace(' }', '}'),
    ]);
    expect(after).toContain('# geprüft 2024');
    expect(after).toContain('title: "Ein Amt"');
  });

  it('adds a new entry to its kind’s file, removes one, and a no-op leaves the files untouched', () => {
    const added = writeEntry(files, 'agency:neu', { kind: 'agency', id: 'neu', title: 'Neu' });
    expect(readEntry(added, 'agency:neu')).toEqual({ kind: 'agency', id: 'neu', title: 'Neu' });
    const removed = writeEntry(added, 'agency:dienst', undefined);
    expect(changedRefs(files, removed)).toEqual(['agency:dienst', 'agency:neu']);
    expect(summarise(diffVersions(files, removed))).toBe('agency:dienst entfernt; agency:neu neu');
    expect(writeEntry(files, 'agency:amt', readEntry(files, 'agency:amt'))).toBe(files);
  });
});
