/**
 * Two builds of the same seeds/ give byte-identical events.json, build report and dist/.
 * Each build runs the extractor and `astro build` from scratch into its own temporary folder
 * (different paths, so nothing can leak from one into the other through a path), and the
 * second runs in a different time zone and locale.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, extractTo, listFiles, tempBuildDir } from './build-site.ts';

const tmpRoot = tempBuildDir('determinism');
const builds = [
  { dir: path.join(tmpRoot, 'first'), env: { TZ: 'UTC', LANG: 'C.UTF-8' } },
  { dir: path.join(tmpRoot, 'second-build'), env: { TZ: 'Asia/Kolkata', LANG: 'fr_FR.UTF-8' } },
];

beforeAll(() => {
  for (const b of builds) {
    extractTo('seeds', path.join(b.dir, 'events.json'), b.env);
    buildSite(path.join(b.dir, 'events.json'), path.join(b.dir, 'dist'), b.env);
  }
}, 600_000);

afterAll(() => {
  rmSync(tmpRoot, { recursive: true, force: true });
});

describe('deterministic builds', () => {
  it('writes byte-identical events.json and build reports', () => {
    const [a, b] = builds.map((x) => x.dir);
    for (const f of ['events.json', 'build-report.json']) {
      const x = readFileSync(path.join(a!, f));
      const y = readFileSync(path.join(b!, f));
      expect(x.length, f).toBeGreaterThan(0);
      expect(x.equals(y), `${f} differs between builds`).toBe(true);
    }
  });

  it('writes the same dist/ files with the same bytes', () => {
    const [a, b] = builds.map((x) => path.join(x.dir, 'dist'));
    const filesA = listFiles(a!);
    const filesB = listFiles(b!);
    expect(filesA.length).toBeGreaterThan(5);
    expect(filesB).toEqual(filesA);
    const differing = filesA.filter((f) => !readFileSync(path.join(a!, f)).equals(readFileSync(path.join(b!, f))));
    expect(differing, 'files whose bytes differ between the two builds').toEqual([]);
  });

  it('contains no build timestamp or machine path in the output', () => {
    const dist = path.join(builds[0]!.dir, 'dist');
    const events = readFileSync(path.join(builds[0]!.dir, 'events.json'), 'utf8');
    // The test may read the clock; the build must not: today's date appears only if the data has it.
    const today = new Date().toISOString().slice(0, 10);
    for (const f of listFiles(dist)) {
      if (!/\.(html|json|xml|txt|js|css|csv|ics)$/.test(f)) continue;
      const text = readFileSync(path.join(dist, f), 'utf8');
      expect(text.includes(tmpRoot), `${f} mentions the build folder`).toBe(false);
      expect(text.includes(process.cwd()), `${f} mentions the project path`).toBe(false);
      if (!events.includes(today)) expect(text.includes(today), `${f} contains today's date`).toBe(false);
    }
  });
});
