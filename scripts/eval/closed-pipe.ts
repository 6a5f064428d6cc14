/**
 * `npx tsx scripts/title-share.ts out.json | head -1`: when the reader of stdout goes away, a report tool stops
 * quietly with status 0 (as `grep`, `sort` and friends do) instead of printing Node's EPIPE stack trace.
 * Only EPIPE on stdout is handled; every other stream error is thrown as before.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout, exit: (code: number) => void = (c) => process.exit(c)): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') exit(0);
    else throw err;
  });
}
