import { describe, expect, it } from 'vitest';
import { createLater } from '../../src/client/later.ts';

/** A scheduler the test turns by hand. */
function manual() {
  const queue: Array<() => void> = [];
  return {
    schedule: (fn: () => void) => queue.push(fn),
    turn(): number {
      const batch = queue.splice(0);
      for (const fn of batch) fn();
      return batch.length;
    },
    get pending() {
      return queue.length;
    },
  };
}

describe('createLater', () => {
  it('holds jobs until release, then runs only the newest job of each key, once', () => {
    const s = manual();
    const later = createLater(s.schedule);
    const ran: string[] = [];
    later.run('relations', () => ran.push('relations: window 1'));
    later.run('map', () => ran.push('map: window 1'));
    later.run('relations', () => ran.push('relations: window 2'));
    expect(later.held).toBe(true);
    expect(s.pending).toBe(0);
    later.release();
    expect(ran).toEqual([]);
    expect(s.turn()).toBe(1);
    // Keys keep their first place; the job is the newest one.
    expect(ran).toEqual(['relations: window 2', 'map: window 1']);
    expect(s.turn()).toBe(0);
  });

  it('after release, a burst of jobs within one turn costs one run per key', () => {
    const s = manual();
    const later = createLater(s.schedule);
    later.release();
    let draws = 0;
    for (let i = 0; i < 5; i++) later.run('relations', () => draws++);
    expect(s.pending).toBe(1);
    s.turn();
    expect(draws).toBe(1);
  });

  it('`now` queues while held and runs at once after release, dropping a queued job of its key', () => {
    const s = manual();
    const later = createLater(s.schedule);
    const ran: string[] = [];
    later.now('list', () => ran.push('list 1'));
    later.now('list', () => ran.push('list 2'));
    expect(ran).toEqual([]);
    later.release();
    s.turn();
    expect(ran).toEqual(['list 2']);
    // A queued job must not run after a newer immediate one.
    later.run('list', () => ran.push('stale'));
    later.now('list', () => ran.push('list 3'));
    s.turn();
    expect(ran).toEqual(['list 2', 'list 3']);
  });

  it('idle() resolves once the queue is empty, including jobs queued by jobs', async () => {
    const s = manual();
    const later = createLater(s.schedule);
    let done = false;
    await later.idle(); // nothing queued: at once
    later.run('a', () => later.run('b', () => (done = true)));
    const idle = later.idle().then(() => 'idle');
    later.release();
    s.turn();
    expect(done).toBe(false);
    s.turn();
    expect(done).toBe(true);
    expect(await idle).toBe('idle');
  });

  it('a failing job is reported and does not stop the others', () => {
    const s = manual();
    const errors: unknown[] = [];
    const later = createLater(s.schedule, (e) => errors.push(e));
    let ok = false;
    later.run('bad', () => {
      throw new Error('no width');
    });
    later.run('good', () => (ok = true));
    later.release();
    s.turn();
    expect(ok).toBe(true);
    expect(String(errors[0])).toContain('no width');
  });
});
