import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../../../src/cli/audit-verdict';

const report = (vulnerabilities: Record<string, unknown>) => JSON.stringify({ auditReportVersion: 2, vulnerabilities });
const HIGH = {
  via: [
    {
      source: 1,
      name: 'jsonwebtoken',
      title: 'forgeable tokens',
      url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
      severity: 'high',
    },
  ],
};
const MODERATE = {
  via: [
    {
      source: 2,
      name: 'debug',
      title: 'ReDoS',
      url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff',
      severity: 'moderate',
    },
  ],
};
const accept = (until: string) => [
  { id: 'GHSA-aaaa-bbbb-cccc', package: 'jsonwebtoken', reason: 'token path not used', until },
];

describe('npm run audit', () => {
  it('passes a clean report and ignores moderate advisories', () => {
    expect(auditVerdict(report({}), [], '2026-12-07')).toEqual({
      kind: 'findings',
      open: [],
      accepted: [],
      expired: [],
    });
    expect(auditVerdict(report({ debug: MODERATE }), [], '2026-12-07')).toMatchObject({ open: [] });
  });

  it('fails on a high advisory, also one reached through another package', () => {
    const viaOther = { via: ['jsonwebtoken'] };
    const verdict = auditVerdict(report({ jsonwebtoken: HIGH, 'botframework-connector': viaOther }), [], '2026-12-07');
    expect(verdict).toMatchObject({ open: ['GHSA-aaaa-bbbb-cccc (jsonwebtoken: forgeable tokens)'] });
  });

  it('accepts a reviewed advisory until its date, then fails again', () => {
    expect(auditVerdict(report({ jsonwebtoken: HIGH }), accept('2027-01-31'), '2026-12-07')).toMatchObject({
      open: [],
      accepted: [expect.stringContaining('token path not used')],
    });
    expect(auditVerdict(report({ jsonwebtoken: HIGH }), accept('2026-11-30'), '2026-12-07')).toMatchObject({
      open: [],
      expired: [expect.stringContaining('accepted until 2026-11-30')],
    });
  });

  it('says when the audit endpoint did not answer instead of calling it clean', () => {
    const refused = JSON.stringify({ error: { code: 'E405', summary: 'audit endpoint returned an error' } });
    expect(auditVerdict(refused, [], '2026-12-07')).toEqual({
      kind: 'unavailable',
      why: 'audit endpoint returned an error',
    });
    expect(auditVerdict('npm ERR! network', [], '2026-12-07').kind).toBe('unavailable');
    // What this machine's registry mirror answers: 405 on the bulk advisory endpoint.
    const mirror = JSON.stringify({
      message: '405 Method Not Allowed - POST …/advisories/bulk',
      statusCode: 405,
      error: { summary: '' },
    });
    expect(auditVerdict(mirror, [], '2026-12-07')).toEqual({
      kind: 'unavailable',
      why: '405 Method Not Allowed - POST …/advisories/bulk',
    });
  });
});
