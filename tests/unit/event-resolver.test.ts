import { describe, expect, it } from 'vitest';
import { currentId, eventIdFromPath, resolveEventPath } from '../../src/lib/event-resolver.ts';

describe('eventIdFromPath', () => {
  it('reads the id of /event/<id>/ under any base', () => {
    expect(eventIdFromPath('/event/2025-07-13-meeting-chn-rus/', '/')).toBe('2025-07-13-meeting-chn-rus');
    expect(eventIdFromPath('/sub/event/x%C3%A9/', '/sub/')).toBe('xé');
    expect(eventIdFromPath('/sub/event/abc', '/sub')).toBe('abc');
    expect(eventIdFromPath('/sub/event/abc/index.html', '/sub/')).toBe('abc');
  });

  it('refuses other paths, nested paths and broken escapes', () => {
    expect(eventIdFromPath('/country/chn/', '/')).toBeUndefined();
    expect(eventIdFromPath('/event/', '/')).toBeUndefined();
    expect(eventIdFromPath('/event/a/b/', '/')).toBeUndefined();
    expect(eventIdFromPath('/event/%E0%A4%A/', '/')).toBeUndefined();
    expect(eventIdFromPath('/other/event/x/', '/sub/')).toBeUndefined();
  });
});

describe('resolveEventPath', () => {
  const aliases = { 'old-id': 'new-id' };
  it('sends an old id to the current event page', () => {
    expect(resolveEventPath('old-id', { aliases }, '/sub/')).toBe('/sub/event/new-id/');
  });
  it('gives no target for an unknown id when event pages exist (a real 404)', () => {
    expect(resolveEventPath('nope', { aliases }, '/')).toBeUndefined();
    expect(resolveEventPath('constructor', { aliases }, '/')).toBeUndefined();
  });
  it('opens the timeline at the event when the build writes no event pages', () => {
    expect(resolveEventPath('2025-07-13-x', { aliases, eventPages: false }, '/')).toBe('/?event=2025-07-13-x');
    expect(resolveEventPath('old-id', { aliases, eventPages: false }, '/sub/')).toBe('/sub/?event=new-id');
    expect(resolveEventPath('a&b', { eventPages: false }, '/')).toBe('/?event=a%26b');
  });
  it('without event pages, leads on only when the id shard has the (current) id', () => {
    const known = new Set(['new-id', 'e1']);
    const exists = (id: string): boolean => known.has(id);
    expect(resolveEventPath('e1', { aliases, eventPages: false }, '/', exists)).toBe('/?event=e1');
    expect(resolveEventPath('old-id', { aliases, eventPages: false }, '/', exists)).toBe('/?event=new-id');
    expect(resolveEventPath('nope', { aliases, eventPages: false }, '/', exists)).toBeUndefined();
    expect(resolveEventPath('old-id', { aliases: { 'old-id': 'gone' }, eventPages: false }, '/', exists)).toBeUndefined();
    expect(currentId('old-id', { aliases })).toBe('new-id');
    expect(currentId('__proto__', { aliases })).toBe('__proto__');
  });
});
