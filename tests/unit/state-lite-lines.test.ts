/**
 * The build state's list of the events' registry records, one a line (build-state.ts liteLines), so
 * that a build copies the records it kept instead of writing them again; a list written before, on
 * one line, is found out (and then written whole).
 */
import { describe, expect, it } from 'vitest';
import { liteLines } from '../../scripts/pipeline/corpus/build-state.ts';

const lines = (list: unknown[]) => Buffer.from(`[${list.map((x) => JSON.stringify(x)).join(',\n')}]`, 'utf8');

describe('the registry records of the state, one a line (liteLines)', () => {
  it('gives where each element lies, so that its text parses to the element', () => {
    const list = [['visit', ['FRA', 'DEU'], 'a\u0000b', ['d#1#0', 'd,\n#2#1']], 0, ['talks', [], '', []]];
    const text = lines(list);
    const at = liteLines(text, list.length)!;
    expect(at).toBeDefined();
    for (let k = 0; k < list.length; k++) expect(JSON.parse(text.toString('utf8', at[2 * k]!, at[2 * k + 1]!))).toEqual(list[k]);
    // A run of elements copied at once is itself a list's middle.
    expect(JSON.parse(`[${text.toString('utf8', at[2]!, at[5]!)}]`)).toEqual(list.slice(1));
    expect(liteLines(lines([7]), 1)).toEqual(new Uint32Array([1, 2]));
  });

  it('says undefined for a list on one line (a state written before), a list of another length, or no list', () => {
    const list = [['visit', ['FRA'], '', ['d#1#0']], 0];
    expect(liteLines(Buffer.from(JSON.stringify(list)), 2)).toBeUndefined();
    expect(liteLines(lines(list), 3)).toBeUndefined();
    expect(liteLines(lines(list), 1)).toBeUndefined();
    expect(liteLines(Buffer.from('[]'), 0)).toBeUndefined();
  });
});
