import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeDir, loadKnowledgeOrThrow } from '../../../src/knowledge/loader';
import { formatProblem } from '../../../src/knowledge/problems';

const FIXTURES = resolve(__dirname, '../../fixtures/knowledge');
const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The valid fixture set with the files of one broken case laid over it. */
function withFault(fault: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  temp.push(dir);
  cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
  cpSync(join(FIXTURES, 'broken', fault), dir, { recursive: true });
  return dir;
}

const problemsOf = (fault: string) => loadKnowledgeDir(withFault(fault), { requireContract: false }).problems;

describe('When loading knowledge files', () => {
  it('accepts the valid fixture set', () => {
    const result = loadKnowledgeDir(join(FIXTURES, 'valid'), { requireContract: false });
    expect(result.problems).toEqual([]);
    expect(result.knowledge?.steps.map((s) => s.id)).toEqual(['erste-reaktion', 'gespraeche']);
  });

  it.each([
    ['yaml-syntax', { file: 'topics.yaml' }, /Zeile 4: YAML-Fehler/],
    ['missing-field', { file: 'agencies.yaml', entry: 'jugendamt', field: 'role', line: 2 }, /Required/],
    [
      'unknown-reference',
      { file: 'steps.yaml', entry: 'erste-reaktion', field: 'next.0', line: 12 },
      /step:gibt-es-nicht/,
    ],
    ['duplicate-id', { file: 'topics.yaml', entry: 'gespraeche', field: 'id', line: 3 }, /doppelt/],
    ['unverified-without-note', { file: 'topics.yaml', entry: 'bussgeld', field: 'unconfirmed' }, /verified: false/],
    ['bad-source', { file: 'topics.yaml', entry: 'bussgeld', field: 'sources.0', line: 7 }, /Invalid url/i],
    ['unknown-field', { file: 'topics.yaml', entry: 'bussgeld' }, /verifed/],
    ['long-short-title', { file: 'topics.yaml', entry: 'bussgeld', field: 'short_title', line: 5 }, /höchstens 40/],
  ])('reports %s with file, entry, field and line', (fault, where, message) => {
    const problems = problemsOf(fault);
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems.every((p) => p.file === where.file)).toBe(true);
    if (fault !== 'yaml-syntax') expect(problems).toHaveLength(1); // no follow-on noise
    expect(problems[0]).toMatchObject(where);
    expect(formatProblem(problems[0]!)).toMatch(message);
  });

  it('reports every problem at once, not just the first', () => {
    const fields = problemsOf('several-faults').map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['number', 'scope']));
    expect(fields.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses to build knowledge from invalid files, listing the problems', () => {
    expect(() => loadKnowledgeOrThrow(withFault('missing-field'), { requireContract: false })).toThrow(
      /agencies\.yaml:2, Eintrag "jugendamt", Feld "role"/,
    );
  });

  it('demands the ids of the knowledge contract', () => {
    const { problems } = loadKnowledgeDir(join(FIXTURES, 'valid'));
    expect(problems.map((p) => p.entry)).toEqual(
      expect.arrayContaining(['versaeumnisanzeige', 'kubdo', 'vordruck-130']),
    );
  });
});

describe('sources.yaml: doubtful sources', () => {
  it('a doubtful host no entry cites, or a host written as a URL, is a problem', async () => {
    const { cpSync, writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadKnowledgeDir } = await import('../../../src/knowledge/loader');
    const dir = mkdtempSync(join(tmpdir(), 'knowledge-sources-'));
    cpSync(join(__dirname, '../../../knowledge'), dir, { recursive: true });
    const problemsWith = (yaml: string) => {
      writeFileSync(join(dir, 'sources.yaml'), yaml);
      return loadKnowledgeDir(dir)
        .problems.filter((p) => p.file === 'sources.yaml')
        .map((p) => p.message)
        .join('\n');
    };
    expect(problemsWith('doubtful:\n  - { host: "https://yumpu.com/x", reason: y }\n')).toMatch(/Hostname ohne https/);
    expect(problemsWith('doubtful:\n  - { host: nirgends.example, reason: x }\n')).toMatch(
      /nirgends\.example.*keinem Eintrag/,
    );
  });
});

