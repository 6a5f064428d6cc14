/**
 * The sharded map from event id to compact position (src/lib/chunks.ts): /data/ids/<shard>.json,
 * fetched only when an id must be found (a `?event=` link, an /event/<id>/ address without a
 * page). The shard of an id is a short stable hash of it (FNV-1a, 32 bits, over its UTF-16 code
 * units), reduced to `ChunkIndex.idShards` buckets (a power of two, sized by the build so that no
 * shard holds more than MAX_SHARD ids). Pure: no I/O.
 */

/** The build aims at about this many ids per shard... */
export const TARGET_SHARD = 1024;
/** ...and never writes a shard with more than this many. */
export const MAX_SHARD = 2000;

/** FNV-1a 32-bit hash of a string's UTF-16 code units, as an unsigned integer. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Hex digits of a shard name for `shards` buckets (at least one). */
function width(shards: number): number {
  let w = 1;
  while (16 ** w < shards) w++;
  return w;
}

/** The shard name of an id: the hash modulo `shards` (a power of two), as fixed-width hex. */
export function idShard(id: string, shards: number): string {
  const n = Math.max(1, Math.floor(shards));
  return (fnv1a(id) % n).toString(16).padStart(width(n), '0');
}

/** The shard file of a shard name, site-relative. */
export function idShardFile(shard: string): string {
  return `data/ids/${shard}.json`;
}

/** A shard file: event id -> compact position. */
export type IdShard = Record<string, number>;

/**
 * The shards of a list of ids (ids[p] is the event at compact position p): the smallest power of
 * two of shards with at most TARGET_SHARD ids each on average, doubled while a shard exceeds
 * MAX_SHARD. Keys inside a shard are in position order.
 */
export function buildIdShards(ids: readonly string[]): { shards: number; files: Map<string, IdShard> } {
  let shards = 1;
  while (ids.length / shards > TARGET_SHARD) shards *= 2;
  for (;;) {
    const files = new Map<string, IdShard>();
    let max = 0;
    for (let p = 0; p < ids.length; p++) {
      const key = idShard(ids[p]!, shards);
      let file = files.get(key);
      if (!file) {
        // No prototype: an id such as `__proto__` is an ordinary key.
        file = Object.create(null) as IdShard;
        files.set(key, file);
      }
      file[ids[p]!] = p;
    }
    for (const f of files.values()) max = Math.max(max, Object.keys(f).length);
    if (max <= MAX_SHARD || shards >= 1 << 20) return { shards, files };
    shards *= 2;
  }
}

/** The position of `id` in a fetched shard (validated: a non-negative integer below `total`), else undefined. */
export function lookupShard(raw: unknown, id: string, total: number): number | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  if (!Object.prototype.hasOwnProperty.call(raw, id)) return undefined;
  const p = (raw as Record<string, unknown>)[id];
  return typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < total ? p : undefined;
}
