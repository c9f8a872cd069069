import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Problem } from '../knowledge/problems';
import type { LabelledText } from './danger-model';

/** Where the child-protection detector's example messages live, inside knowledge/. */
export const SAFETY_EXAMPLES_DIR = 'safety-examples';

const ExampleLine = z.object({
  q: z.string().trim().min(1),
  safety: z.enum(['danger', 'harmless']),
  category: z.string().optional(),
});

export interface SafetyExamples {
  readonly examples: readonly LabelledText[];
  readonly problems: readonly Problem[];
}

/** Reads every `*.jsonl` in knowledge/safety-examples/; every bad line is a problem (file and line). */
export function readSafetyExamples(knowledgeDir: string): SafetyExamples {
  const dir = join(knowledgeDir, SAFETY_EXAMPLES_DIR);
  if (!existsSync(dir)) return { examples: [], problems: [{ file: SAFETY_EXAMPLES_DIR, message: 'Ordner fehlt' }] };
  const problems: Problem[] = [];
  const examples: LabelledText[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  for (const name of files) {
    const file = `${SAFETY_EXAMPLES_DIR}/${name}`;
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        if (!raw.trim()) return;
        const parsed = parseLine(raw);
        if (parsed.success) examples.push({ text: parsed.data.q, danger: parsed.data.safety === 'danger' });
        else problems.push({ file, line: i + 1, message: parsed.message });
      });
  }
  const danger = examples.filter((e) => e.danger).length;
  if (danger === 0 || danger === examples.length)
    problems.push({ file: SAFETY_EXAMPLES_DIR, message: 'braucht Beispiele für „danger“ und für „harmless“' });
  return { examples, problems };
}

function parseLine(
  raw: string,
): { success: true; data: z.infer<typeof ExampleLine> } | { success: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { success: false, message: 'keine gültige JSON-Zeile' };
  }
  const parsed = ExampleLine.safeParse(json);
  if (parsed.success) return parsed;
  const issue = parsed.error.issues[0]!;
  return { success: false, message: `Feld "${issue.path.join('.') || 'q'}": ${issue.message}` };
}
