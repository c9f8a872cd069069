import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../shared/errors';

export const EvalCase = z.object({ q: z.string().min(1), expect: z.array(z.string().min(1)).min(1) });
export type EvalCase = z.infer<typeof EvalCase>;

export const isOutOfScope = (c: EvalCase) => c.expect.includes('none');

/** A child-protection case: the reply must lead with the Kinderschutz step (danger) or must not (harmless). */
export const SafetyCase = z.object({
  q: z.string().min(1),
  safety: z.enum(['danger', 'harmless']),
  category: z.string().optional(),
});
export type SafetyCase = z.infer<typeof SafetyCase>;

/** Reads a JSONL question set; undefined when the file does not exist. */
export function readEvalSet(path: string): EvalCase[] | undefined {
  return readJsonl(path, EvalCase);
}

export function readSafetySet(path: string): SafetyCase[] | undefined {
  return readJsonl(path, SafetyCase);
}

function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] | undefined {
  if (!existsSync(path)) return undefined;
  const problems: string[] = [];
  const cases = readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .flatMap(({ line, n }) => {
      try {
        return [schema.parse(JSON.parse(line))];
      } catch (err) {
        problems.push(`${path}:${n}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        return [];
      }
    });
  if (problems.length) throw new AppError('PAYLOAD_INVALID', `Fragenset ${path} ist ungültig`, problems);
  return cases;
}
