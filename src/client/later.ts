/**
 * Work that can wait: the panels below the timeline (relations graph, map, list) redraw for
 * every window, and the relations graph's layout alone takes 50 to 250 ms. Each panel gives its
 * job under a key; only the newest job of a key runs. Jobs are held until `release()` (the main
 * page releases them once the timeline has drawn its first items), then run together on the
 * next turn of the scheduler, so a burst of window changes costs one redraw per panel (`run`);
 * `now` runs at once after the release (a panel that must follow every change as it happens).
 * Pure: the scheduler is passed in (setTimeout in the page, a manual one in unit tests).
 */

export interface Later {
  /** Queues `job` under `key`, replacing a queued job of the same key. */
  run(key: string, job: () => void): void;
  /** Runs `job` at once when released (dropping a queued job of `key`); queues it while held. */
  now(key: string, job: () => void): void;
  /** Lets queued and future jobs run. */
  release(): void;
  /** Resolves once no job is queued or running (at once when none is). */
  idle(): Promise<void>;
  /** True while jobs are held (before `release`). */
  readonly held: boolean;
}

export function createLater(schedule: (fn: () => void) => void, onError: (err: unknown) => void = () => undefined): Later {
  const jobs = new Map<string, () => void>();
  let held = true;
  let scheduled = false;
  let waiters: Array<() => void> = [];

  function flush(): void {
    scheduled = false;
    const batch = [...jobs.values()];
    jobs.clear();
    for (const job of batch) {
      try {
        job();
      } catch (err) {
        onError(err);
      }
    }
    // A job may queue another: wait for that one too.
    if (jobs.size) kick();
    else {
      const ws = waiters;
      waiters = [];
      for (const w of ws) w();
    }
  }
  function kick(): void {
    if (held || scheduled || !jobs.size) return;
    scheduled = true;
    schedule(flush);
  }
  return {
    run(key, job) {
      jobs.set(key, job);
      kick();
    },
    now(key, job) {
      if (held) {
        jobs.set(key, job);
        return;
      }
      jobs.delete(key);
      job();
    },
    release() {
      held = false;
      kick();
    },
    idle() {
      if (!jobs.size && !scheduled) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    get held() {
      return held;
    },
  };
}
