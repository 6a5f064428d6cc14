import { describe, expect, it } from 'vitest';
import xss, { FilterXSS, escapeHtml } from '../../src/client/vendor/xss-escape.ts';

describe('xss stand-in for vis-timeline', () => {
  it('escapes every markup character, so no string becomes HTML', () => {
    const evil = '<img src=x onerror="alert(1)">Tom & Jerry\'s';
    const out = new FilterXSS({ whiteList: {} }).process(evil);
    expect(out).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Tom &amp; Jerry&#39;s');
    expect(out).not.toMatch(/[<>"]/);
    expect(new xss.FilterXSS().process('Jul 2025')).toBe('Jul 2025');
    expect(escapeHtml(undefined)).toBe('');
  });
});
