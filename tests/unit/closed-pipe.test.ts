import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitQuietlyOnClosedPipe } from '../../scripts/eval/closed-pipe.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('report tools piped into head', () => {
  it('exit with status 0 on EPIPE and rethrow any other stream error', () => {
    const stream = new EventEmitter() as unknown as NodeJS.WriteStream;
    const codes: number[] = [];
    exitQuietlyOnClosedPipe(stream, (c) => codes.push(c));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(codes).toEqual([0]);
    expect(() => stream.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
  });

  it('title-share prints its first line to `head -1` without a stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'closed-pipe-'));
    const file = path.join(dir, 'events.json');
    // Enough generic titles that --list outlives the pipe's buffer.
    const events = Array.from({ length: 4000 }, (_, i) => ({ type: 'statement', title: `Country ${i} issues statement` }));
    writeFileSync(file, JSON.stringify({ events }));
    const r = spawnSync('bash', ['-c', `npx tsx scripts/title-share.ts ${JSON.stringify(file)} --list | head -1; exit \${PIPESTATUS[0]}`], { cwd: root, encoding: 'utf8' });
    expect(r.stdout.trim()).toMatch(/^generic titles: 4000 of 4000 events/);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(r.status).toBe(0);
  }, 30_000);
});
