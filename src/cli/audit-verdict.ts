/** One advisory npm audit reports (its `via` entries that are objects). */
interface Advisory {
  readonly source?: number;
  readonly name?: string;
  readonly title?: string;
  readonly url?: string;
  readonly severity?: string;
}

/** A reviewed advisory the city accepts for a while (audit-accepted.json). */
export interface Acceptance {
  readonly id: string;
  readonly package: string;
  readonly reason: string;
  /** YYYY-MM-DD: after this day the advisory fails the audit again. */
  readonly until: string;
}

export type AuditVerdict =
  | { readonly kind: 'unavailable'; readonly why: string }
  | { readonly kind: 'findings'; readonly open: string[]; readonly accepted: string[]; readonly expired: string[] };

const SEVERE = new Set(['high', 'critical']);
/** GHSA-xxxx-xxxx-xxxx from the advisory's URL, else npm's numeric source. */
const idOf = (a: Advisory) => /GHSA-[\w-]+/.exec(a.url ?? '')?.[0] ?? String(a.source ?? a.title ?? 'unknown');

/** Reads `npm audit --json`: high and critical advisories, minus the accepted ones still in force. */
export function auditVerdict(output: string, accepted: readonly Acceptance[], today: string): AuditVerdict {
  let report: {
    message?: string;
    error?: { summary?: string; code?: string };
    vulnerabilities?: Record<string, { via?: unknown[] }>;
  };
  try {
    report = JSON.parse(output) as typeof report;
  } catch {
    return { kind: 'unavailable', why: 'npm audit gave no JSON' };
  }
  if (report.error || !report.vulnerabilities)
    return {
      kind: 'unavailable',
      why: [report.message, report.error?.summary, report.error?.code].find(Boolean) ?? 'no vulnerabilities section',
    };
  const severe = new Map<string, string>();
  for (const [pkg, entry] of Object.entries(report.vulnerabilities))
    for (const via of entry.via ?? [])
      if (typeof via === 'object' && via && SEVERE.has(String((via as Advisory).severity)))
        severe.set(
          idOf(via as Advisory),
          `${idOf(via as Advisory)} (${(via as Advisory).name ?? pkg}: ${(via as Advisory).title ?? ''})`,
        );
  const open: string[] = [];
  const ok: string[] = [];
  const expired: string[] = [];
  for (const [id, label] of severe) {
    const acceptance = accepted.find((a) => a.id === id);
    if (!acceptance) open.push(label);
    else if (acceptance.until < today) expired.push(`${label} – accepted until ${acceptance.until}`);
    else ok.push(`${label} – accepted until ${acceptance.until}: ${acceptance.reason}`);
  }
  return { kind: 'findings', open, accepted: ok, expired };
}
