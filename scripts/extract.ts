/**
 * CLI: npm run extract -- --input <dir> --output <file.json> [--report <file.json>] [--curation <file.yaml>] [--quiet] [--explain <event id>]
 * The I/O edge of the pipeline (see CONTRACT.md). Exit 0 when the run finished (skipped
 * documents included); exit 2 with a one-line reason when it cannot run at all.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpus } from './pipeline/load.ts';
import { formatReport } from './pipeline/report.ts';
import { runPipeline } from './pipeline/run.ts';
import { formatTrace, type TraceStep } from './pipeline/trace.ts';

const USAGE =
  'usage: npm run extract -- --input <dir> --output <file.json> [--report <file.json>] [--curation <file.yaml>] [--quiet] [--explain <event id>]';

function die(message: string): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        input: { type: 'string' },
        output: { type: 'string' },
        report: { type: 'string' },
        curation: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        explain: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    die(`${(err as Error).message}; ${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.input || !values.output) die(`--input and --output are required; ${USAGE}`);
  const input = path.resolve(values.input);
  const output = path.resolve(values.output);
  const reportPath = path.resolve(values.report ?? path.join(path.dirname(output), 'build-report.json'));
  const curationPath = values.curation ? path.resolve(values.curation) : path.join(input, 'curation.yaml');

  let corpus;
  try {
    corpus = await readCorpus(input);
  } catch (err) {
    die((err as Error).message);
  }

  let curation: { path: string; text: string } | undefined;
  if (values.curation || existsSync(curationPath)) {
    try {
      curation = { path: path.relative(process.cwd(), curationPath) || curationPath, text: await readFile(curationPath, 'utf8') };
    } catch (err) {
      die(`cannot read curation file ${curationPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }

  const total = corpus.docs.length;
  const showProgress = !values.quiet && total >= 200;
  let lastShown = 0;
  const { file, report } = runPipeline(corpus.docs, {
    curation,
    corpusWarnings: corpus.warnings,
    trace: values.explain !== undefined,
    onProgress: showProgress
      ? (done, n) => {
          const now = Date.now();
          if (done === n || now - lastShown > 1000) {
            lastShown = now;
            process.stderr.write(`extract: ${done}/${n} documents\n`);
          }
        }
      : undefined,
  });

  // --explain: print one event's trace (the file is written as usual, with the traces in it).
  if (values.explain !== undefined) {
    const ev = file.events.find((e) => e.id === values.explain);
    if (!ev) process.stderr.write(`extract: no event with id ${values.explain}\n`);
    else process.stdout.write(`${ev.id} ${ev.date} ${ev.type} [${ev.countries.join(', ')}] ${ev.title}\n${ev.trace?.length ? formatTrace(ev.trace as TraceStep[]) : '(no trace kept for this event)'}\n`);
  }
  try {
    await mkdir(path.dirname(output), { recursive: true });
    await writeFile(output, `${JSON.stringify(file, null, 2)}\n`);
  } catch (err) {
    die(`cannot write ${output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  } catch (err) {
    process.stderr.write(`extract: warning: cannot write report ${reportPath}: ${(err as Error).message}\n`);
  }
  if (!values.quiet) process.stdout.write(`${formatReport(report)}\n`);
}

main().catch((err: unknown) => die(err instanceof Error ? err.message : String(err)));
