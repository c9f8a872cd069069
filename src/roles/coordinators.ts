import { OFFERING_TOPICS } from '../knowledge/schema';

/** The topics a coordinator may send news on (the offering topics). */
type NewsTopic = (typeof OFFERING_TOPICS)[number];
const NEWS_TOPICS = OFFERING_TOPICS;

/** Who is a coordinator (news, forwarded questions, tabs), and optionally on which topics only. Built from config. */
export interface CoordinatorPolicy {
  isCoordinator(aadObjectId: string | undefined): boolean;
  mayBroadcast(aadObjectId: string | undefined, topic: NewsTopic): boolean;
  topicsOf(aadObjectId: string | undefined): readonly NewsTopic[];
}

/** ids: Entra object ids; limits: "id=fortbildungen|angebote;id2=netzwerk" (ids without a limit: all topics). */
export function coordinatorPolicy(ids: readonly string[], limits: string): CoordinatorPolicy {
  const normal = (id: string) => id.trim().toLowerCase();
  const known = new Set(ids.map(normal));
  const restricted = new Map<string, NewsTopic[]>();
  for (const part of limits
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, topics = ''] = part.split('=');
    restricted.set(
      normal(id ?? ''),
      topics
        .split('|')
        .map((t) => t.trim())
        .filter((t): t is NewsTopic => (NEWS_TOPICS as readonly string[]).includes(t)),
    );
  }
  const topicsOf = (id: string | undefined) =>
    id && known.has(normal(id)) ? (restricted.get(normal(id)) ?? [...NEWS_TOPICS]) : [];
  return {
    isCoordinator: (id) => !!id && known.has(normal(id)),
    mayBroadcast: (id, topic) => topicsOf(id).includes(topic),
    topicsOf,
  };
}
