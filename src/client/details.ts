/**
 * The details panel of the selected event: type, title, date and precision, countries,
 * organisations, actors, every source sentence with its trigger words highlighted, the
 * document it came from, and related events. Everything is built as text nodes.
 */
import type { DocumentEntry, TimelineEvent } from '../lib/schema.ts';
import { TYPE_STYLES, typeClass } from '../lib/colors.ts';
import { splitHighlight } from '../lib/highlight.ts';
import { countryPath, eventPath, withBase } from '../lib/seo.ts';
import { formatDay, formatEventDate, plural, precisionLabel } from './format.ts';
import { relatedTo } from './related.ts';
import { clear, el, type Child } from './dom.ts';

export interface DetailsContext {
  names(iso3: string): string;
  documents: ReadonlyMap<string, DocumentEntry>;
  /** Events to look for related ones in (the loaded records near the event; never the whole corpus). */
  nearby: readonly TimelineEvent[];
  /** The user picked a related event. */
  onPick(id: string): void;
  /** The user closed the panel. */
  onClose(): void;
}

function fact(label: string, value: Child | Child[]): HTMLElement[] {
  return [el('dt', {}, label), el('dd', {}, value)];
}

function inlineList(items: Child[]): HTMLElement {
  return el(
    'ul',
    { class: 'inline-list' },
    items.map((c) => el('li', {}, c)),
  );
}

/** Sources that quote the same sentence of the same document, with all their triggers. */
export interface SourceGroup {
  document: string;
  sentence: string;
  published?: string;
  triggers: Array<{ start: number; end: number }>;
}

/** Groups an event's sources by (document, sentence): one quotation per sentence. */
export function groupSources(ev: TimelineEvent): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const src of ev.sources) {
    const key = `${src.document}\u0000${src.start}\u0000${src.sentence}`;
    let g = groups.get(key);
    if (!g) {
      g = { document: src.document, sentence: src.sentence, triggers: [], ...(src.published ? { published: src.published } : {}) };
      groups.set(key, g);
    }
    if (src.trigger) g.triggers.push(src.trigger);
  }
  return [...groups.values()];
}

/** Splits a sentence into plain and highlighted runs; bad or overlapping ranges are merged or dropped. */
export function highlightRuns(sentence: string, triggers: ReadonlyArray<{ start: number; end: number }>): Array<{ text: string; mark: boolean }> {
  const ranges = triggers
    .map((t) => splitHighlight(sentence, t))
    .filter((p) => p.mark)
    .map((p) => ({ start: p.before.length, end: p.before.length + p.mark.length }))
    .sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const runs: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) runs.push({ text: sentence.slice(at, r.start), mark: false });
    runs.push({ text: sentence.slice(r.start, r.end), mark: true });
    at = r.end;
  }
  if (at < sentence.length || !runs.length) runs.push({ text: sentence.slice(at), mark: false });
  return runs;
}

function sourceBlock(ev: TimelineEvent, group: SourceGroup, i: number, total: number, ctx: DetailsContext): HTMLElement {
  const quote = el(
    'blockquote',
    {},
    highlightRuns(group.sentence, group.triggers).map((r) => (r.mark ? el('mark', {}, r.text) : r.text)),
  );
  const doc = ctx.documents.get(group.document);
  const published = group.published ?? doc?.published;
  const url = doc?.url && /^https?:\/\//i.test(doc.url) ? doc.url : undefined;
  const caption = el('figcaption', {}, [
    total > 1 ? `Source ${i + 1} of ${total}: ` : 'Source: ',
    url ? el('a', { href: url, rel: 'noopener noreferrer nofollow', class: 'det-original' }, el('cite', {}, doc?.title || group.document)) : el('cite', {}, doc?.title || group.document),
    doc?.source ? ` · ${doc.source}` : '',
    published ? ` · published ${formatDay(published)}` : '',
    el('span', { class: 'det-docid' }, ` · ${group.document}`),
  ]);
  return el('figure', { class: `source ${typeClass(ev.type)}` }, [quote, caption]);
}

/** Renders `ev` into `root` (or the empty state when undefined). */
export function renderDetails(root: HTMLElement, ev: TimelineEvent | undefined, ctx: DetailsContext): void {
  clear(root);
  root.dataset.eventId = ev?.id ?? '';
  if (!ev) {
    root.append(
      el('div', { class: 'det-empty' }, [
        el('h2', { class: 'det-empty__title' }, 'Event details'),
        el('p', { class: 'muted' }, 'Select an event on the timeline or in the list to read its sources here.'),
        el('p', { class: 'muted det-keys' }, [
          'Keyboard: focus the timeline, then ',
          el('kbd', {}, '←'),
          ' ',
          el('kbd', {}, '→'),
          ' move between events, ',
          el('kbd', {}, '↑'),
          ' ',
          el('kbd', {}, '↓'),
          ' between lanes, ',
          el('kbd', {}, '+'),
          ' ',
          el('kbd', {}, '−'),
          ' zoom, ',
          el('kbd', {}, 'Enter'),
          ' opens details.',
        ]),
      ]),
    );
    return;
  }
  const style = TYPE_STYLES[ev.type];
  const facts: HTMLElement[] = [
    ...fact('Date', [el('time', { datetime: ev.date }, formatEventDate(ev)), el('span', { class: 'muted' }, ` (${precisionLabel(ev.datePrecision)})`)]),
  ];
  if (ev.countries.length) {
    facts.push(
      ...fact(
        'Countries',
        inlineList(ev.countries.map((c) => el('a', { href: withBase(countryPath(c)) }, `${ctx.names(c)} (${c})`))),
      ),
    );
  }
  if (ev.organizations.length) facts.push(...fact('Organisations', inlineList(ev.organizations)));
  if (ev.actors.length) {
    facts.push(
      ...fact(
        'Actors',
        inlineList(
          ev.actors.map((a) => {
            const extra = [a.role, a.country ? ctx.names(a.country) : undefined].filter(Boolean).join(', ');
            return el('span', {}, [a.name, extra ? el('span', { class: 'muted' }, ` (${extra})`) : null]);
          }),
        ),
      ),
    );
  }
  if (ev.location) facts.push(...fact('Where', ev.location));
  if (ev.deadline) facts.push(...fact('Deadline', el('time', { datetime: ev.deadline }, formatDay(ev.deadline))));

  const related = relatedTo(ev, ctx.nearby, 6);
  const groups = groupSources(ev);
  const closeBtn = el('button', { type: 'button', class: 'det-close', 'aria-label': 'Close details' }, '×');
  closeBtn.addEventListener('click', () => ctx.onClose());

  const relatedList = el(
    'ul',
    { class: 'det-related' },
    related.map((r) => {
      const b = el('button', { type: 'button', class: `det-rel ${typeClass(r.type)}`, 'data-event-id': r.id }, [
        el('span', { class: 'type-symbol', 'aria-hidden': 'true' }, TYPE_STYLES[r.type].symbol),
        el('span', { class: 'det-rel__title' }, r.title),
        el('time', { datetime: r.date, class: 'det-rel__date' }, formatEventDate(r)),
      ]);
      b.addEventListener('click', () => ctx.onPick(r.id));
      return el('li', {}, b);
    }),
  );

  root.append(
    el('article', { class: 'det', 'aria-labelledby': 'det-title' }, [
      el('header', { class: 'det-head' }, [
        el('span', { class: `type-badge ${typeClass(ev.type)}` }, [el('span', { class: 'type-symbol', 'aria-hidden': 'true' }, style.symbol), style.label]),
        ev.curated ? el('span', { class: 'type-badge det-curated' }, 'curated') : null,
        closeBtn,
      ]),
      el('h2', { id: 'det-title', class: 'det-title', tabindex: '-1' }, ev.title),
      el('dl', { class: 'facts det-facts' }, facts),
      el('h3', { class: 'det-h' }, groups.length > 1 ? `Sources (${groups.length})` : 'Source'),
      el('div', { class: 'det-sources' }, groups.map((g, i) => sourceBlock(ev, g, i, groups.length, ctx))),
      related.length ? el('h3', { class: 'det-h' }, 'Related events') : null,
      related.length ? relatedList : null,
      el('p', { class: 'det-perma' }, [el('a', { href: withBase(eventPath(ev.id)) }, 'Permanent page for this event'), ` · ${plural(groups.length, 'source sentence')}`]),
    ]),
  );
}
