import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';

/** A parsed YAML file that can tell the line of any path inside it. */
export interface YamlFile {
  readonly path: string;
  readonly data: unknown;
  readonly errors: readonly string[];
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export const readYamlFile = (path: string): YamlFile => parseYamlText(path, readFileSync(path, 'utf8'));

/** Far more aliases than any knowledge file uses (none today). */
const MAX_ALIASES = 50;

export function parseYamlText(path: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: string[] = doc.errors.map(
    (e) => `Zeile ${lineCounter.linePos(e.pos[0]).line}: YAML-Fehler: ${e.message.split('\n')[0]}`,
  );
  const lineOf = (p: readonly (string | number)[]): number | undefined => {
    for (let depth = p.length; depth >= 0; depth--) {
      const node = doc.getIn(p.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  let data: unknown;
  if (!errors.length) {
    try {
      // Aliases are capped: a "billion laughs" file of nested aliases is an error, not minutes of CPU.
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (err) {
      errors.push(`YAML-Fehler: ${(err as Error).message}`);
    }
  }
  return { path, data, errors, lineOf };
}
