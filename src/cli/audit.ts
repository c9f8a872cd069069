/**
 * npm run audit: `npm audit --omit=dev` at level high, with reviewed advisories accepted for a while in
 * audit-accepted.json ({id: "GHSA-…", package, reason, until: "YYYY-MM-DD"}). The SDKs are in maintenance,
 * so a fix upstream is not promised. Exit 0 clean (or all accepted), 1 open or expired findings, 2 when
 * the registry's audit endpoint cannot be reached (reported, not passed off as clean).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditVerdict, type Acceptance } from './audit-verdict';

const root = resolve(__dirname, '../..');
const acceptedFile = resolve(root, 'audit-accepted.json');
const accepted = existsSync(acceptedFile) ? (JSON.parse(readFileSync(acceptedFile, 'utf8')) as Acceptance[]) : [];
const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' });
const verdict = auditVerdict(run.stdout || run.stderr, accepted, new Date().toISOString().slice(0, 10));
const say = (line: string) => process.stdout.write(`${line}\n`);

if (verdict.kind === 'unavailable') {
  say(`audit: NOT CHECKED – the registry's audit endpoint did not answer (${verdict.why})`);
  process.exit(2);
}
for (const line of verdict.accepted) say(`audit: accepted ${line}`);
for (const line of verdict.expired) say(`audit: EXPIRED ${line}`);
for (const line of verdict.open) say(`audit: OPEN ${line}`);
const failed = verdict.open.length + verdict.expired.length;
say(
  failed
    ? `audit: ${failed} high or critical advisories to fix or review`
    : 'audit: no open high or critical advisories',
);
process.exit(failed ? 1 : 0);
