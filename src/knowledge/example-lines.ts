import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Problem } from './problems';

/**
 * Reads every `*.jsonl` in `knowledgeDir/folder` (example messages the learned models train on, one JSON object
 * per line); every bad line is a problem naming file, line and field – all at once.
 */
export function readExampleLines<T>(
  knowledgeDir: string,
  folder: string,
  schema: z.ZodType<T>,
): { lines: T[]; problems: Problem[]; missing: boolean } {
  const dir = join(knowledgeDir, folder);
  if (!existsSync(dir)) return { lines: [], problems: [{ file: folder, message: 'Ordner fehlt' }], missing: true };
  const problems: Problem[] = [];
  const lines: T[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  for (const name of files) {
    const file = `${folder}/${name}`;
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        if (!raw.trim()) return;
        const parsed = parseLine(raw, schema);
        if (parsed.success) lines.push(parsed.data);
        else problems.push({ file, line: i + 1, message: parsed.message });
      });
  }
  return { lines, problems, missing: false };
}

function parseLine<T>(raw: string, schema: z.ZodType<T>): { success: true; data: T } | { success: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { success: false, message: 'keine gültige JSON-Zeile' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { success: true, data: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { success: false, message: `Feld "${issue.path.join('.') || 'q'}": ${issue.message}` };
}
