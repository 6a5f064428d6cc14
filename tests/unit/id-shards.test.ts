import { describe, expect, it } from 'vitest';
import { buildIdShards, fnv1a, idShard, idShardFile, lookupShard, MAX_SHARD, TARGET_SHARD } from '../../src/lib/id-shards.ts';

/** Ids shaped like the pipeline's (date, type, countries, a disambiguating suffix). */
const makeIds = (n: number): string[] => Array.from({ length: n }, (_, i) => `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}-meeting-chn-rus-${i.toString(36)}`);

describe('fnv1a', () => {
  it('is the 32-bit FNV-1a hash (published test vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});

describe('idShard', () => {
  it('is the hash modulo the shard count, as fixed-width hex', () => {
    expect(idShard('anything', 1)).toBe('0');
    expect(idShard('foobar', 16)).toBe((0xbf9cf968 % 16).toString(16));
    expect(idShard('foobar', 256)).toBe('68');
    expect(idShard('a', 4096)).toBe('92c');
    expect(idShard('a', 65536)).toBe('292c');
    // Three hex digits for 512 shards, whatever the value.
    for (const id of makeIds(50)) expect(idShard(id, 512)).toMatch(/^[0-9a-f]{3}$/);
    expect(idShardFile('2c')).toBe('data/ids/2c.json');
  });
});

describe('buildIdShards', () => {
  it('uses the smallest power of two with at most TARGET_SHARD ids per shard on average', () => {
    expect(buildIdShards([]).shards).toBe(1);
    expect(buildIdShards(makeIds(TARGET_SHARD)).shards).toBe(1);
    expect(buildIdShards(makeIds(TARGET_SHARD + 1)).shards).toBe(2);
    expect(buildIdShards(makeIds(20_000)).shards).toBe(32);
  });

  it('puts every id in its shard at its position, no shard above MAX_SHARD (200,000 ids)', () => {
    const ids = makeIds(200_000);
    const { shards, files } = buildIdShards(ids);
    expect(shards).toBe(256);
    let max = 0;
    let sum = 0;
    for (const f of files.values()) {
      const n = Object.keys(f).length;
      max = Math.max(max, n);
      sum += n;
    }
    expect(sum).toBe(ids.length);
    expect(max).toBeLessThanOrEqual(MAX_SHARD);
    for (let p = 0; p < ids.length; p += 997) expect(lookupShard(files.get(idShard(ids[p]!, shards)), ids[p]!, ids.length)).toBe(p);
  });

  it('doubles the shard count when ids crowd into one shard', () => {
    // Ids whose hashes agree modulo 4 but not modulo 8 or beyond: all in one of 4 shards.
    const crowded: string[] = [];
    for (let i = 0; crowded.length < 2 * MAX_SHARD + 10; i++) {
      const id = `x${i}`;
      if (fnv1a(id) % 4 === 0) crowded.push(id);
    }
    const { shards, files } = buildIdShards(crowded);
    expect(shards).toBeGreaterThan(4);
    for (const f of files.values()) expect(Object.keys(f).length).toBeLessThanOrEqual(MAX_SHARD);
  });

  it('keeps an id such as __proto__ as an ordinary key, through JSON too', () => {
    const { files } = buildIdShards(['__proto__', 'constructor', 'b']);
    const raw = JSON.parse(JSON.stringify(files.get('0')));
    expect(lookupShard(raw, '__proto__', 3)).toBe(0);
    expect(lookupShard(raw, 'constructor', 3)).toBe(1);
    expect(lookupShard(raw, 'toString', 3)).toBeUndefined();
  });
});

describe('lookupShard', () => {
  it('accepts only whole positions below the total in a plain object', () => {
    expect(lookupShard({ a: 2 }, 'a', 3)).toBe(2);
    expect(lookupShard({ a: 3 }, 'a', 3)).toBeUndefined();
    expect(lookupShard({ a: -1 }, 'a', 3)).toBeUndefined();
    expect(lookupShard({ a: 1.5 }, 'a', 3)).toBeUndefined();
    expect(lookupShard({ a: '1' }, 'a', 3)).toBeUndefined();
    expect(lookupShard([1], '0', 3)).toBeUndefined();
    expect(lookupShard(null, 'a', 3)).toBeUndefined();
  });
});
