/**
 * Stand-in for the `xss` package inside vis-timeline (aliased in astro.config.mjs). vis-timeline
 * passes string contents (item and group contents, axis labels) through `new FilterXSS(opts)
 * .process(s)` before setting innerHTML. This page never gives it HTML: items, tooltips and lane
 * labels are DOM nodes built with textContent, and axis labels are plain text. So instead of an
 * HTML sanitiser (about 6 KB gzipped with cssfilter), every string is escaped: stricter than the
 * empty tag whitelist the page configured, and nothing shown changes.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(input: unknown): string {
  return String(input ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export class FilterXSS {
  constructor(_options?: unknown) {}
  process(input: unknown): string {
    return escapeHtml(input);
  }
}

export const filterXSS = escapeHtml;

export default { FilterXSS, filterXSS: escapeHtml };
