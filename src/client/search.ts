/**
 * The search box: whole words of titles, people, organisations and countries (names and codes). Typing filters after a short pause;
 * the first change of a typing session is a new history entry (Back undoes the search),
 * later keystrokes replace it, so Back does not step through every letter.
 */

export interface SearchView {
  set(q: string | undefined): void;
}

/** The search box inside `form` (the controls form). */
export function createSearch(form: HTMLFormElement, onQuery: (q: string | undefined, push: boolean) => void, delayMs = 220): SearchView {
  const input = form.querySelector<HTMLInputElement>('#mp-q');
  if (!input) throw new Error('search: missing #mp-q');
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
