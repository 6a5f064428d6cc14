/**
 * Keyboard use of the timeline (when it has focus):
 *   ← / →        previous / next event in time (Shift: pan by a third of the window)
 *   ↑ / ↓        the nearest event in the lane above / below (every lane shown is reachable)
 *   Home / End   first / last event
 *   + / −        zoom in / out
 *   Enter        open the selected event's details
 *   Escape       clear the selection
 */
import type { TimelineView } from './timeline.ts';

export interface KeyboardContext {
  timeline: TimelineView;
  /** Compact position of the selected event. */
  selected(): number | undefined;
  /** Selects the event at a compact position (or clears the selection). */
  select(position: number | undefined): void;
  openDetails(): void;
  /** The keyboard is about to move the window (so main.ts records it like a user pan). */
  userWindow(): void;
}

/** What the walk needs of the timeline: events in day order, their lanes, and the lanes shown. */
export interface WalkModel {
  /** Day numbers of the events, ascending. */
  days: ArrayLike<number>;
  lanesAt(k: number): readonly string[];
  lanes: readonly string[];
}

export type WalkKey = 'next' | 'prev' | 'first' | 'last' | 'up' | 'down';

/**
 * The event (index) and lane to move to with a key. `lane` is the lane the cursor is on (an
 * event shows in one lane per country, so the lane is remembered separately: ↓ from an event
 * in the CHN and RUS lanes goes to the lane below the one you are on, not back to RUS).
 * `windowDays` picks where to start when nothing is selected. Pure, for tests.
 */
export function walk(
  m: WalkModel,
  current: number | undefined,
  lane: string | undefined,
  key: WalkKey,
  windowDays: [number, number],
): { index: number; lane: string } | undefined {
  const n = m.days.length;
  if (!n) return undefined;
  const firstLane = (k: number): string => {
    const ls = m.lanesAt(k);
    return m.lanes.find((l) => ls.includes(l)) ?? ls[0]!;
  };
  const at = (k: number, keepLane = false): { index: number; lane: string } => ({
    index: k,
    lane: keepLane && lane && m.lanesAt(k).includes(lane) ? lane : firstLane(k),
  });
  if (key === 'first') return at(0);
  if (key === 'last') return at(n - 1);
  if (current === undefined || current < 0 || current >= n) {
    if (key === 'prev') {
      for (let k = n - 1; k >= 0; k--) if (m.days[k]! <= windowDays[1]) return at(k);
      return at(0);
    }
    for (let k = 0; k < n; k++) if (m.days[k]! >= windowDays[0]) return at(k);
    return at(n - 1);
  }
  if (key === 'next') return at(Math.min(current + 1, n - 1), true);
  if (key === 'prev') return at(Math.max(current - 1, 0), true);
  // up/down: the nearest event in the next lane (skipping lanes with no events at all).
  const curLane = lane && m.lanesAt(current).includes(lane) ? lane : firstLane(current);
  let li = m.lanes.indexOf(curLane);
  if (li < 0) li = 0;
  const step = key === 'down' ? 1 : -1;
  const t = m.days[current]!;
  for (let j = li + step; j >= 0 && j < m.lanes.length; j += step) {
    const target = m.lanes[j]!;
    let best = -1;
    for (let k = 0; k < n; k++) {
      if (!m.lanesAt(k).includes(target)) continue;
      if (best < 0 || Math.abs(m.days[k]! - t) < Math.abs(m.days[best]! - t)) best = k;
    }
    if (best >= 0) return { index: best, lane: target };
  }
  return { index: current, lane: curLane };
}

const DAY_MS = 86_400_000;

export function attachKeyboard(target: HTMLElement, ctx: KeyboardContext): void {
  let lane: string | undefined;
  target.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target !== target) return;
    const tl = ctx.timeline;
    const w = tl.getWindow();
    const move = (key: WalkKey): void => {
      const model = tl.model();
      const sel = ctx.selected();
      const cur = sel === undefined ? undefined : tl.indexOf(sel);
      const res = walk(
        { days: model.days, lanesAt: tl.lanesAt, lanes: tl.laneOrder() },
        cur,
        lane,
        key,
        [Math.floor(w.start.getTime() / DAY_MS), Math.floor(w.end.getTime() / DAY_MS)],
      );
      if (res) {
        lane = res.lane;
        target.dataset.lane = res.lane;
        ctx.userWindow();
        ctx.select(model.positions[res.index]);
      }
    };
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowLeft': {
        if (e.shiftKey) {
          const span = w.end.getTime() - w.start.getTime();
          const d = (e.key === 'ArrowRight' ? 1 : -1) * (span / 3);
          ctx.userWindow();
          tl.setWindow(new Date(w.start.getTime() + d), new Date(w.end.getTime() + d));
        } else move(e.key === 'ArrowRight' ? 'next' : 'prev');
        break;
      }
      case 'ArrowUp':
        move('up');
        break;
      case 'ArrowDown':
        move('down');
        break;
      case 'Home':
        move('first');
        break;
      case 'End':
        move('last');
        break;
      case '+':
      case '=':
        ctx.userWindow();
        tl.zoom(0.5);
        break;
      case '-':
      case '_':
        ctx.userWindow();
        tl.zoom(2);
        break;
      case 'Enter':
        if (ctx.selected() === undefined) move('next');
        ctx.openDetails();
        break;
      case 'Escape':
        ctx.select(undefined);
        break;
      default:
        return;
    }
    e.preventDefault();
  });
}
