/**
 * Keyboard use of the timeline (when it has focus):
 *   ← / →        previous / next event in time (Shift: pan by a third of the window)
 *   ↑ / ↓        the nearest event in the lane above / below
 *   Home / End   first / last event
 *   + / −        zoom in / out
 *   Enter        open the selected event's details
 *   Escape       clear the selection
 */
import type { TimelineEvent } from '../lib/schema.ts';
import type { TimelineView } from './timeline.ts';
import { dayToDate } from './format.ts';

export interface KeyboardContext {
  timeline: TimelineView;
  selected(): string | undefined;
  select(id: string | undefined): void;
  openDetails(): void;
  /** The keyboard is about to move the window (so main.ts records it like a user pan). */
  userWindow(): void;
}

const timeOf = (ev: TimelineEvent): number => dayToDate(ev.date).getTime();

/** The event to move to from `current` with a key, or undefined to stay. Pure, for tests. */
export function nextEvent(
  ordered: readonly TimelineEvent[],
  current: string | undefined,
  key: 'next' | 'prev' | 'first' | 'last' | 'up' | 'down',
  windowStart: number,
  windowEnd: number,
  lanes: readonly string[] = [],
  lanesOf: (ev: TimelineEvent) => string[] = () => [],
): TimelineEvent | undefined {
  if (!ordered.length) return undefined;
  if (key === 'first') return ordered[0];
  if (key === 'last') return ordered[ordered.length - 1];
  const idx = current === undefined ? -1 : ordered.findIndex((e) => e.id === current);
  if (idx < 0) {
    // Nothing selected: start from the window.
    if (key === 'prev') return [...ordered].reverse().find((e) => timeOf(e) <= windowEnd) ?? ordered[0];
    return ordered.find((e) => timeOf(e) >= windowStart) ?? ordered[ordered.length - 1];
  }
  if (key === 'next') return ordered[Math.min(idx + 1, ordered.length - 1)];
  if (key === 'prev') return ordered[Math.max(idx - 1, 0)];
  // up/down: nearest event in the adjacent lane.
  const cur = ordered[idx]!;
  const laneIdx = Math.min(...lanesOf(cur).map((l) => lanes.indexOf(l)).filter((i) => i >= 0));
  if (!Number.isFinite(laneIdx)) return cur;
  const target = lanes[laneIdx + (key === 'down' ? 1 : -1)];
  if (target === undefined) return cur;
  const t = timeOf(cur);
  let best: TimelineEvent | undefined;
  for (const ev of ordered) {
    if (!lanesOf(ev).includes(target)) continue;
    if (!best || Math.abs(timeOf(ev) - t) < Math.abs(timeOf(best) - t)) best = ev;
  }
  return best ?? cur;
}

export function attachKeyboard(target: HTMLElement, ctx: KeyboardContext): void {
  target.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const tl = ctx.timeline;
    const w = tl.getWindow();
    const move = (key: Parameters<typeof nextEvent>[2]): void => {
      const ev = nextEvent(tl.ordered(), ctx.selected(), key, w.start.getTime(), w.end.getTime(), tl.laneOrder(), tl.lanesOf);
      if (ev) {
        ctx.userWindow();
        ctx.select(ev.id);
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
        if (!ctx.selected()) move('next');
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
