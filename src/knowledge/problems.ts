/** One thing wrong in a knowledge file, located as precisely as the parser allows. */
export interface Problem {
  readonly file: string;
  readonly entry?: string;
  readonly field?: string;
  readonly line?: number;
  readonly message: string;
}

export function formatProblem(p: Problem): string {
  const where = [
    p.file + (p.line !== undefined ? `:${p.line}` : ''),
    p.entry !== undefined ? `Eintrag "${p.entry}"` : undefined,
    p.field !== undefined ? `Feld "${p.field}"` : undefined,
  ].filter(Boolean);
  return `${where.join(', ')}: ${p.message}`;
}
