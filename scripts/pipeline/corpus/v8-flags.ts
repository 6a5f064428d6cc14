/**
 * V8 settings for the extract CLI, applied when this module is evaluated: import it before anything
 * else (scripts/extract.ts does), so that they hold before the pipeline's regexes first run. V8's
 * flags are per process, so worker threads share them.
 *
 * `--no-regexp-tier-up`: a regex is compiled to native code at its first run, instead of first to
 * bytecode (interpreted) and then again to native code at its second run. The extractor holds over
 * a thousand regexes (431 trigger rules alone), most of them run many times, so the bytecode step is
 * paid for nothing: on the trigger rules, first runs cost 430 ms with tier-up and 120 ms without
 * (CPU, one process); the CLI on 100 synthetic articles, 1 thread, 3.41/3.40/3.46 s of CPU with
 * tier-up against 3.25/3.29/3.33 s without (alternate runs, load 15). Matching is the same in both
 * tiers; only when the compiling happens changes.
 *
 * V8 documents flags set after start-up as undefined behaviour, and switching regex flags at run time
 * after regexes have run crashed node in a test harness (not in the CLI). So `npm run build` and the
 * benchmark pass the flag on node's command line (it then holds from the first regex) and this module
 * only sets it when it is not there already (runs under tsx: `npm run extract`, the tests).
 */
import v8 from 'node:v8';

if (!process.execArgv.includes('--no-regexp-tier-up')) v8.setFlagsFromString('--no-regexp-tier-up');
