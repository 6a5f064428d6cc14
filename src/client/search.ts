/**
 * The search box over titles, actors and sentences. Typing filters after a short pause;
 * the first change of a typing session is a new history entry (Back undoes the search),
 * later keystrokes replace it, so Back does not step through every letter.
 */
import { byId } from './dom.ts';

export interface SearchView {
  set(q: string | undefined): void;
}

export function createSearch(onQuery: (q: string | undefined, push: boolean) => void, delayMs = 220): SearchView {
  const input = byId<HTMLInputElement>('mp-q');
  const form = byId<HTMLFormElement>('mp-controls');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let session = false;
  const fire = (): void => {
    clearTimeout(timer);
    const q = input.value.trim() || undefined;
    onQuery(q, !session);
    session = true;
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(fire, delayMs);
  });
  input.addEventListener('blur', () => {
    session = false;
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    fire();
    session = false;
  });
  return {
    set(q) {
      if (document.activeElement !== input) input.value = q ?? '';
    },
  };
}
