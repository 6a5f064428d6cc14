/**
 * Issue 12 item 7: `npm test` on a fresh machine without a browser. scripts/ensure-chromium.sh
 * (run first by the test script) installs Debian's chromium with apt-get when it can (root,
 * apt-get present) and otherwise stops at once with the one command to run. Run here with
 * stand-ins for `id` and `apt-get` on PATH, so nothing is installed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/ensure-chromium.sh');
const work = mkdtempSync(path.join(tmpdir(), 'ensure-chromium-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A bin folder with `id` reporting `uid` and, if wanted, an `apt-get` that logs its calls (and may "install"). */
function fakeBin(name: string, uid: number, aptGet: 'none' | 'fails' | 'installs', browser: string): string {
  const bin = path.join(work, name);
  spawnSync('mkdir', ['-p', bin]);
  writeFileSync(path.join(bin, 'id'), `#!/bin/sh\necho ${uid}\n`);
  chmodSync(path.join(bin, 'id'), 0o755);
  if (aptGet !== 'none') {
    const install = aptGet === 'installs' ? `printf '#!/bin/sh\\necho Chromium 1\\n' > "${browser}"; chmod +x "${browser}"` : 'true';
    writeFileSync(path.join(bin, 'apt-get'), `#!/bin/sh\necho "$@" >> "${bin}/apt-get.log"\ncase "$*" in *install*) ${install};; esac\nexit 0\n`);
    chmodSync(path.join(bin, 'apt-get'), 0o755);
  }
  return bin;
}

function run(bin: string, browser: string, env: Record<string, string> = {}) {
  const started = Date.now();
  const r = spawnSync('bash', [SCRIPT], {
    encoding: 'utf8',
    env: { PATH: `${bin}:/usr/bin:/bin`, ENSURE_CHROMIUM_DEFAULT: browser, ...env },
    timeout: 30_000,
  });
  return { status: r.status, stderr: r.stderr, ms: Date.now() - started };
}

describe('scripts/ensure-chromium.sh', () => {
  it('does nothing when the browser is there', () => {
    const browser = path.join(work, 'present-chromium');
    writeFileSync(browser, '#!/bin/sh\n');
    chmodSync(browser, 0o755);
    const bin = fakeBin('present', 1000, 'fails', browser);
    expect(run(bin, browser).status).toBe(0);
    expect(existsSync(path.join(bin, 'apt-get.log'))).toBe(false);
  });

  it('as root with apt-get, installs Debian\'s chromium package', () => {
    const browser = path.join(work, 'installed-chromium');
    const bin = fakeBin('root', 0, 'installs', browser);
    const r = run(bin, browser);
    expect(r.status, r.stderr).toBe(0);
    const calls = readFileSync(path.join(bin, 'apt-get.log'), 'utf8').trim().split('\n');
    expect(calls[0]).toMatch(/^update/);
    expect(calls[1]).toMatch(/^install -y .*\bchromium$/);
    expect(r.stderr).toMatch(/installing Debian's chromium/);
  });

  it('as root, stops with the command when apt-get does not produce the browser', () => {
    const browser = path.join(work, 'never-chromium');
    const r = run(fakeBin('root-fails', 0, 'fails', browser), browser);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/apt-get update && apt-get install -y chromium/);
  });

  it('without root, stops at once with the one command to run, installing nothing', () => {
    const browser = path.join(work, 'absent-chromium');
    const bin = fakeBin('user', 1000, 'installs', browser);
    const r = run(bin, browser);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("sudo sh -c 'apt-get update && apt-get install -y chromium'");
    expect(existsSync(path.join(bin, 'apt-get.log'))).toBe(false);
    expect(existsSync(browser)).toBe(false);
  });

  it('is the first step of npm test, before any slow step', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test!.startsWith('bash scripts/ensure-chromium.sh && ')).toBe(true);
  });
});
