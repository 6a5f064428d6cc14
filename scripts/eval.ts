/**
 * `npm run eval -- --gold <gold.json> --input <dir> [--verbose] [--json] [--save <events.json>]`
 *
 * Runs the extraction pipeline in-process on <dir>, scores its events against the gold file
 * with the reference matching rules (scripts/eval/score.ts) and prints precision, recall and
 * F1, strict and relaxed, overall and per event type, then the misses and unmatched events.
 * `--system <events.json>` scores an existing output file instead of running the pipeline;
 * `--only id1,id2` scores only those gold articles (ids or id prefixes). Gold articles whose text
 * is not in the input are left out of the scores and listed on stderr (`--keep-missing` counts
 * them as misses).
 * `--rules` prints, per rule id, how often it fired and how often its events matched gold;
 * `--explain <event id>` prints one event's trace (both run the pipeline with tracing on).
 * Exit status 0 when the evaluation ran; 1 with a one-line reason when it could not.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exitQuietlyOnClosedPipe } from './eval/closed-pipe.ts';
import { formatScoreReport } from './eval/format.ts';
import { parseGold } from './eval/gold.ts';
import { eventTraces, formatRuleStats, matchedIds, ruleStats, withoutMissing, type TracedEvent } from './eval/rules.ts';
import { scoreEvents, summaryLine, type SystemEvent } from './eval/score.ts';
import { formatTrace, type Trace } from './pipeline/trace.ts';
import type { ExtractedEvent } from './pipeline/types.ts';

exitQuietlyOnClosedPipe();

const USAGE =
  'usage: npm run eval -- --gold <gold.json> (--input <dir> | --system <events.json>) [--only id,id] [--verbose] [--json] [--save <events.json>]\n' +
  '                       [--rules] [--explain <event id>] [--keep-missing]';

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(1);
}

interface SystemRun {
  events: SystemEvent[];
  /** Document ids the run saw, with their status (absent when scoring a file without documents). */
  documents?: { id: string; status: string; reason?: string }[];
  /** With tracing: each document's extracted reports (with traces) and dropped candidates' traces. */
  extracted?: ExtractedEvent[];
  dropped?: Trace[];
}

/** The extracted reports of every document, traced (what merge builds events from), and the dropped candidates. */
async function tracedReports(docs: import('./pipeline/types.ts').RawDocument[]): Promise<{ extracted: ExtractedEvent[]; dropped: Trace[] }> {
  const { parseDocument } = await import('./pipeline/parse-document.ts');
  const { segment } = await import('./pipeline/segment.ts');
  const { extractDocument } = await import('./pipeline/extract-document.ts');
  const { createActorResolver } = await import('./pipeline/actors.ts');
  const actors = createActorResolver();
  const extracted: ExtractedEvent[] = [];
  const dropped: Trace[] = [];
  for (const raw of docs) {
    const parsed = parseDocument(raw);
    if (!parsed.ok) continue;
    try {
      const r = extractDocument(segment(parsed.doc), actors, { trace: true });
      extracted.push(...r.events);
      dropped.push(...(r.droppedTraces ?? []));
    } catch {
      // The pipeline run reports the failure; the traces of that document are just absent.
    }
  }
  return { extracted, dropped };
}

async function systemEvents(input: string | undefined, system: string | undefined, save: string | undefined, trace = false): Promise<SystemRun> {
  if (system) {
    const text = await readFile(system, 'utf8').catch((e: NodeJS.ErrnoException) => fail(`cannot read ${system} (${e.code ?? e.message})`));
    try {
      const parsed = JSON.parse(text) as { events?: SystemEvent[]; documents?: SystemRun['documents'] };
      return { events: parsed.events ?? [], documents: parsed.documents };
    } catch (e) {
      fail(`${system} is not valid JSON (${(e as Error).message})`);
    }
  }
  // Loaded lazily so that `--system` scoring works without the pipeline's modules.
  const { readCorpus } = await import('./pipeline/load.ts');
  const { runPipeline } = await import('./pipeline/run.ts');
  const { docs, warnings } = await readCorpus(input!).catch((e: Error) => fail(e.message));
  const { file } = runPipeline(docs, { corpusWarnings: warnings, trace });
  if (save) await writeFile(save, `${JSON.stringify(file, null, 2)}\n`).catch((e: Error) => fail(`cannot write ${save} (${e.message})`));
  if (!trace) return { events: file.events, documents: file.documents };
  return { events: file.events, documents: file.documents, ...(await tracedReports(docs)) };
}

/** Gold articles the run did not read, or skipped: their events all count as misses. */
function coverageWarnings(goldIds: string[], documents: SystemRun['documents']): string[] {
  if (!documents) return [];
  const byId = new Map(documents.map((d) => [d.id, d]));
  const out: string[] = [];
  for (const id of goldIds) {
    const d = byId.get(id);
    if (!d) out.push(`gold article ${id} is not in the input`);
    else if (d.status !== 'ok') out.push(`gold article ${id} was skipped: ${d.reason ?? 'no reason given'}`);
  }
  return out;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        gold: { type: 'string' },
        input: { type: 'string' },
        system: { type: 'string' },
        save: { type: 'string' },
        only: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        rules: { type: 'boolean', default: false },
        explain: { type: 'string' },
        'keep-missing': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.gold) fail(`--gold is required\n${USAGE}`);
  if (!values.input && !values.system) fail(`--input (or --system) is required\n${USAGE}`);

  const goldText = await readFile(values.gold, 'utf8').catch((e: NodeJS.ErrnoException) => fail(`cannot read ${values.gold} (${e.code ?? e.message})`));
  const parsed = parseGold(goldText);
  if (!parsed.gold) fail(`${values.gold} is not a valid gold file: ${parsed.errors.slice(0, 3).join('; ')}`);
  let gold = parsed.gold;
  if (values.only) {
    // --only id1,id2: score just these gold articles (ids or unique prefixes), to focus on a few texts.
    const wanted = values.only.split(',').map((x) => x.trim()).filter(Boolean);
    const articles = gold.articles.filter((a) => wanted.some((w) => a.id === w || a.id.startsWith(w)));
    if (articles.length === 0) fail(`--only matched no gold article (${values.only})`);
    gold = { articles };
  }

  const tracing = values.rules || values.explain !== undefined;
  if (tracing && !values.input) fail('--rules and --explain need --input (they run the pipeline with tracing on)');
  const run = await systemEvents(values.input, values.system, values.save, tracing);
  const { events, documents } = run;
  if (documents && !values['keep-missing']) {
    const { gold: present, missing } = withoutMissing(gold, documents);
    if (missing.length) {
      process.stderr.write(`eval: ${missing.length} of ${gold.articles.length} gold articles have no text in the input and are not scored: ${missing.join(', ')}\n`);
    }
    if (present.articles.length === 0) fail('no gold article has its text in the input');
    gold = present;
  }
  for (const w of coverageWarnings(gold.articles.map((a) => a.id), documents)) process.stderr.write(`eval: warning: ${w}\n`);
  if (tracing) {
    const traced = events as TracedEvent[];
    const traces = eventTraces(traced, run.extracted ?? []);
    const matched = matchedIds(gold, traced);
    if (values.explain !== undefined) {
      const ev = traced.find((e) => e.id === values.explain);
      if (!ev) fail(`no event with id ${values.explain}`);
      const goldDoc = (ev.sources ?? []).some((s) => gold.articles.some((a) => a.id === s.document));
      const verdict = goldDoc ? `strict ${matched.strict.has(ev.id) ? 'matched' : 'unmatched'}, relaxed ${matched.relaxed.has(ev.id) ? 'matched' : 'unmatched'}` : 'not in a gold article';
      const trace = traces.get(ev.id) ?? [];
      process.stdout.write(`${ev.id} ${ev.date} ${ev.type} [${(ev.countries ?? []).join(', ')}] ${ev.title ?? ''}\n(${verdict})\n${trace.length ? formatTrace(trace) : '(no trace)'}\n`);
      return;
    }
    const goldIds = new Set(gold.articles.map((a) => a.id));
    const scored = new Set(traced.filter((e) => (e.sources ?? []).some((s) => goldIds.has(s.document))).map((e) => e.id));
    process.stdout.write(`${formatRuleStats(ruleStats(traces, run.dropped ?? [], scored, matched))}\n`);
    return;
  }
  const result = scoreEvents(gold, events);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ summary: summaryLine(result), ...result }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${formatScoreReport(result, gold, events, { verbose: values.verbose })}\n`);
  process.stdout.write(`\n${JSON.stringify(summaryLine(result))}\n`);
}

await main();
