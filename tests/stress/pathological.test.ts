/**
 * Pathological text shapes that make badly anchored regular expressions take quadratic time:
 * long runs of whitespace, terminal punctuation, initials, closers, and so on, inside
 * otherwise ordinary articles. Each case is a document of a few hundred kilobytes (well
 * under the file cap) run through the real CLI in a child process that is killed after
 * CASE_LIMIT_S seconds; linear code needs well under a second for each. A case that is killed
 * names the shape, so the offending stage can be profiled with it.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventsFileSchema } from '../../src/lib/schema.ts';
import { ROOT, tempFolder } from './helpers.ts';
import { spawnSync } from 'node:child_process';

/** Generous: a linear pipeline handles each case in about a second, including start-up. */
const CASE_LIMIT_S = 60;
const N = 200_000;
const rep = (s: string, chars = N) => s.repeat(Math.max(1, Math.floor(chars / s.length)));
const LEAD = 'Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing on Monday, the ministry said.';

const CASES: Record<string, string> = {
  'whitespace run inside a sentence': `China met${rep(' ')}Russia on Monday.`,
  'tab run inside a sentence': `China met${rep('\t')}Russia on Monday.`,
  'no-break space run': `China met${rep('\u00a0')}Russia on Monday.`,
  'run of dots': `China met Russia${rep('.')}`,
  'run of ?!': `China met Russia${rep('!?')}`,
  'run of ellipses': `China met Russia${rep('…')}`,
  'run of initials': `China met ${rep('A. ')}Russia on Monday.`,
  'run of closing quotes': `China met Russia.${rep('"')}`,
  'run of closing brackets': `China met Russia.${rep(')')}`,
  'run of opening brackets': `China met Russia ${rep('(')}`,
  'run of dashes': `China met Russia ${rep('-')}`,
  'run of em dashes': `China met Russia ${rep('— ')}`,
  'run of commas': `China met Russia${rep(', ')}`,
  'run of semicolons': `China met Russia ${rep(';')}`,
  'one huge word': `China met ${rep('x')} on Monday.`,
  'run of capitalised words': `Foreign Minister ${rep('Zhang ')}met Russia on Monday.`,
  'run of "and"': `China met Russia ${rep('and ')}Iran on Monday.`,
  'run of "of the"': `China met Russia ${rep('of the ')}talks on Monday.`,
  'run of weekdays': `China met Russia ${rep('on Monday ')}.`,
  'run of dates': `China met Russia on ${rep('July 13, ')}.`,
  'run of country names': `${rep('China, Russia, Iran, India, Brazil, ')}met on Monday.`,
  'run of CRLF': `China met Russia on Monday.${rep('\r\n')}`,
  'run of line separators': `China met Russia on Monday.${rep('\u2028')}`,
  'run of combining marks': `China met Russia ${rep('e\u0301')}`,
};

const tmpDir = tempFolder('stress-pathological-');

describe('pathological text shapes', () => {
  it(`every shape finishes within ${CASE_LIMIT_S} s`, async () => {
    const slow: string[] = [];
    const failed: string[] = [];
    for (const [i, [name, body]] of Object.entries(CASES).entries()) {
      const input = path.join(tmpDir(), `case-${i}`);
      await mkdir(input, { recursive: true });
      await writeFile(path.join(input, 'odd.txt'), ` date 2025-07-15 Odd shapes\n\n${LEAD}\n\n${body}\n\n${LEAD}\n`);
      const out = path.join(input, 'out', 'events.json');
      const started = Date.now();
      const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/extract.ts', '--input', input, '--output', out, '--quiet'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: CASE_LIMIT_S * 1000,
        killSignal: 'SIGKILL',
      });
      const seconds = (Date.now() - started) / 1000;
      console.log(`${name}: ${r.signal ? `killed after ${seconds.toFixed(1)} s` : `exit ${r.status} in ${seconds.toFixed(1)} s`}`);
      if (r.signal) {
        slow.push(`${name}: killed after ${CASE_LIMIT_S} s`);
        continue;
      }
      if (r.status !== 0) {
        failed.push(`${name}: exit ${r.status}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
        continue;
      }
      const file = EventsFileSchema.parse(JSON.parse(await readFile(out, 'utf8')));
      // The document is read and the ordinary sentences around the odd run still give events.
      if (file.documents[0]?.status !== 'ok' || file.events.length === 0) failed.push(`${name}: no events from the ordinary sentences`);
    }
    // Every shape is tried before asserting, so one problem does not hide another.
    expect(failed, 'shapes that failed').toEqual([]);
    expect(slow, 'shapes that took too long (a regular expression is probably quadratic)').toEqual([]);
  }, 60 * 60_000);
});
