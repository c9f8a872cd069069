import Fuse from 'fuse.js';
import type { Knowledge } from '../knowledge/knowledge';
import { refOf } from '../knowledge/knowledge';

/** The naive baseline: fuse.js with default options over title + body of the same knowledge. */
export function createBaseline(knowledge: Knowledge) {
  const docs = knowledge.entries.map((e) => ({
    ref: refOf(e),
    title: e.title,
    body: [e.summary, ...e.details].join(' '),
  }));
  const fuse = new Fuse(docs, { keys: ['title', 'body'] });
  return (q: string) => {
    const results = fuse.search(q, { limit: 5 });
    return { answered: results.length > 0, refs: results.map((r) => r.item.ref) };
  };
}
