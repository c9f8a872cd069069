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

export function parseYamlText(path: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map(
    (e) => `Zeile ${lineCounter.linePos(e.pos[0]).line}: YAML-Fehler: ${e.message.split('\n')[0]}`,
  );
  const lineOf = (p: readonly (string | number)[]): number | undefined => {
    for (let depth = p.length; depth >= 0; depth--) {
      const node = doc.getIn(p.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { path, data: errors.length ? undefined : doc.toJS(), errors, lineOf };
}
