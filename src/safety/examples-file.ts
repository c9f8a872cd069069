import { z } from 'zod';
import { readExampleLines } from '../knowledge/example-lines';
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
  const { lines, problems, missing } = readExampleLines(knowledgeDir, SAFETY_EXAMPLES_DIR, ExampleLine);
  const examples = lines.map((l) => ({ text: l.q, danger: l.safety === 'danger' }));
  const danger = examples.filter((e) => e.danger).length;
  if (!missing && (danger === 0 || danger === examples.length))
    problems.push({ file: SAFETY_EXAMPLES_DIR, message: 'braucht Beispiele für „danger“ und für „harmless“' });
  return { examples, problems };
}
