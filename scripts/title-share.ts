/**
 * Prints the share of events whose title is generic ("X comments on Y", "X issues statement"), per
 * pattern id of scripts/data/titles.json. Issue 9 asks for at most 5% on the development set.
 *
 *   npx tsx scripts/title-share.ts events.json [--list]
 */
import { readFileSync } from 'node:fs';
import { exitQuietlyOnClosedPipe } from './eval/closed-pipe.ts';
import { genericTitleRule, genericTitleShare } from './pipeline/title.ts';

exitQuietlyOnClosedPipe();

const [file, flag] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx scripts/title-share.ts <events.json> [--list]');
  process.exit(2);
}
let events: { title: string; type?: string }[];
try {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { events?: unknown };
  events = Array.isArray(data.events) ? (data.events as { title: string }[]).filter((e) => e && typeof e.title === 'string') : [];
} catch (err) {
  console.error(`cannot read ${file}: ${String(err)}`);
  process.exit(1);
}
const r = genericTitleShare(events);
console.log(`generic titles: ${r.generic} of ${r.total} events (${(100 * r.share).toFixed(1)}%)`);
for (const [id, n] of Object.entries(r.byRule).sort((a, b) => b[1] - a[1])) console.log(`  ${id}: ${n}`);
if (flag === '--list') for (const e of events) if (genericTitleRule(e.title)) console.log(`  - [${e.type ?? '?'}] ${e.title}`);
