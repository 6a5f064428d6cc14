import { describe, expect, it } from 'vitest';
import { presetRange } from '../../src/client/range.ts';

describe('presetRange', () => {
  it('gives the calendar month, quarter and year around a day', () => {
    expect(presetRange('month', '2025-07-13')).toEqual({ from: '2025-07-01', to: '2025-07-31' });
    expect(presetRange('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('quarter', '2025-08-20')).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(presetRange('quarter', '2025-12-31')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetRange('year', '2023-03-02')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });
});
