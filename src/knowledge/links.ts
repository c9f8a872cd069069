import { refOf } from './knowledge';
import type { Entry } from './schema';

/** The `kind:id` refs an entry points to: agencies, forms, next steps, its step, related entries. */
export function linksOf(entry: Entry): string[] {
  const refs = [...entry.related, ...entry.ask.map((id) => `agency:${id}`)];
  switch (entry.kind) {
    case 'step':
      return [...refs, ...entry.agencies.map((id) => `agency:${id}`), ...entry.forms.map((id) => `form:${id}`), ...entry.next.map((id) => `step:${id}`)];
    case 'form':
      return [...refs, `step:${entry.step}`];
    case 'offering':
      return entry.provider ? [...refs, `agency:${entry.provider}`] : refs;
    default:
      return refs;
  }
}

/** True when either entry points to the other. */
export const areLinked = (a: Entry, b: Entry): boolean => linksOf(a).includes(refOf(b)) || linksOf(b).includes(refOf(a));
