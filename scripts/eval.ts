/**
 * `npm run eval -- --gold <gold.json> --input <dir> [--verbose] [--json] [--save <events.json>]`
 *
 * Runs the extraction pipeline in-process on <dir>, scores its events against the gold file
 * with the reference matching rules (scripts/eval/score.ts) and prints precision, recall and
 * F1, strict and relaxed, overall and per event type, then the misses and unmatched events.
 * `--system <events.json>` scores an existing output file instead of running the pipeline;
 * `--only id1,id2` scores only those gold articles (ids or id prefixes).
 * Exit status 0 when the evaluation ran; 1 with a one-line reason when it could not.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatScoreReport } from './eval/format.ts';
import { parseGold } from './eval/gold.ts';
import { scoreEvents, summaryLine, type SystemEvent } from './eval/score.ts';

const USAGE =
  'usage: npm run eval -- --gold <gold.json> (--input <dir> | --system <events.json>) [--only id,id] [--verbose] [--json] [--save <events.json>]';

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(1);
}

interface SystemRun {
  events: SystemEvent[];
  /** Document ids the run saw, with their status (absent when scoring a file without documents). */
  documents?: { id: string; status: string; reason?: string }[];
}

async function systemEvents(input: string | undefined, system: string | undefined, save: string | undefined): Promise<SystemRun> {
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
  const { file } = runPipeline(docs, { corpusWarnings: warnings });
  if (save) await writeFile(save, `${JSON.stringify(file, null, 2)}\n`).catch((e: Error) => fail(`cannot write ${save} (${e.message})`));
  return { events: file.events, documents: file.documents };
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

  const { events, documents } = await systemEvents(values.input, values.system, values.save);
  for (const w of coverageWarnings(gold.articles.map((a) => a.id), documents)) process.stderr.write(`eval: warning: ${w}\n`);
  const result = scoreEvents(gold, events);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ summary: summaryLine(result), ...result }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${formatScoreReport(result, gold, events, { verbose: values.verbose })}\n`);
  process.stdout.write(`\n${JSON.stringify(summaryLine(result))}\n`);
}

await main();
