import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Starts the process entry (what `npm start` runs, without the build) and returns its exit code and output. */
function start(env: Record<string, string>) {
  const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'startup-')), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = run.stdout.split('\n').filter((l) => l.trim());
  return {
    status: run.status,
    lines,
    fatal: lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 60),
  };
}

describe('Start-up errors name the file, in one line, and exit 1', () => {
  it('a corrupt bot.sqlite', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'startup-corrupt-'));
    writeFileSync(join(dataDir, 'bot.sqlite'), 'this is not a database, just text '.repeat(200));
    const run = start({ DATA_DIR: dataDir });
    expect(run.status).toBe(1);
    expect(run.fatal).toHaveLength(1);
    expect(run.fatal[0]!.msg).toContain(join(dataDir, 'bot.sqlite'));
    expect(run.fatal[0]!.msg).toMatch(/beschädigt|not a database/);
  }, 90_000);

  it('a missing KNOWLEDGE_DIR', () => {
    const run = start({ KNOWLEDGE_DIR: '/nirgends/knowledge' });
    expect(run.status).toBe(1);
    expect(run.fatal.map((l) => l.msg)).toEqual(['Wissensordner /nirgends/knowledge fehlt (KNOWLEDGE_DIR)']);
  }, 90_000);

  it('a YAML alias bomb, refused quickly instead of expanding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'startup-bomb-'));
    cpSync(join(ROOT, 'knowledge'), dir, { recursive: true });
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    writeFileSync(join(dir, 'bomb.yaml'), `${levels.join('\n')}\nentries: []\n`);
    const run = start({ KNOWLEDGE_DIR: dir });
    expect(run.status).toBe(1);
    expect(run.fatal).toHaveLength(1);
    expect(JSON.stringify(run.fatal[0])).toMatch(/bomb\.yaml.*alias/i);
  }, 90_000);
});

describe('A YAML syntax error is reported without the follow-on errors it causes', () => {
  it('names only the broken file', async () => {
    const { checkKnowledgeDir } = await import('../../src/core/bootstrap');
    const dir = mkdtempSync(join(tmpdir(), 'yaml-syntax-'));
    cpSync(join(ROOT, 'knowledge'), dir, { recursive: true });
    mkdirSync(join(dir, 'safety-examples'), { recursive: true });
    writeFileSync(join(dir, 'forms.yaml'), 'entries:\n  - kind: form\n    id: [unclosed\n');
    const { problems } = checkKnowledgeDir(dir);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === 'forms.yaml')).toBe(true);
  });
});
