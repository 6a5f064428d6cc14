/**
 * Resolves /event/<id>/ addresses that have no page of their own, for the 404 page's script:
 * an old id (ChunkIndex.aliases) or, past the event-page threshold of very large corpora
 * (ChunkIndex.eventPages false), any event id. Pure: no DOM, no fetch.
 */

/** `s` without its trailing slashes (a loop, not a regular expression: linear on any input). */
function trimSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '/') end--;
  return s.slice(0, end);
}

/** The event id of a path `<base>event/<id>/` (base with or without its trailing slash), else undefined. */
export function eventIdFromPath(pathname: string, base: string): string | undefined {
  const prefix = `${trimSlashes(base)}/event/`;
  if (!pathname.startsWith(prefix)) return undefined;
  const rest = pathname.slice(prefix.length).replace(/\/$/, '').replace(/\/index\.html$/, '');
  if (!rest || rest.includes('/') || rest.length > 600) return undefined;
  try {
    const id = decodeURIComponent(rest);
    return id.trim() ? id : undefined;
  } catch {
    return undefined;
  }
}

export interface ResolverIndex {
  aliases?: Record<string, string>;
  eventPages?: boolean;
  /** Events in the build and id shards (/data/ids/<shard>.json, src/lib/id-shards.ts). */
  total?: number;
  idShards?: number;
}

/** The current id an address names: the alias target of an old id, else the id itself. */
export function currentId(id: string, index: ResolverIndex): string {
  const aliases = index.aliases && typeof index.aliases === 'object' ? index.aliases : {};
  const current = Object.prototype.hasOwnProperty.call(aliases, id) ? aliases[id] : undefined;
  return typeof current === 'string' && current ? current : id;
}

/**
 * Where the reader of /event/<id>/ should go: the current id's page for an old id (its
 * timeline view when there are no event pages), the timeline at the event when the build has no
 * event pages, or undefined (a real 404: the page says so). `exists`, when given, says whether
 * the current id is an event of the build (from its id shard): without event pages, an id
 * that is not one is a real 404 too.
 */
export function resolveEventPath(id: string, index: ResolverIndex, base: string, exists?: (id: string) => boolean): string | undefined {
  const root = `${trimSlashes(base)}/`;
  const aliases = index.aliases && typeof index.aliases === 'object' ? index.aliases : {};
  const current = Object.prototype.hasOwnProperty.call(aliases, id) ? aliases[id] : undefined;
  const target = typeof current === 'string' && current ? current : undefined;
  if (index.eventPages === false) return exists && !exists(target ?? id) ? undefined : `${root}?event=${encodeURIComponent(target ?? id)}`;
  if (target) return `${root}event/${encodeURIComponent(target)}/`;
  return undefined;
}
