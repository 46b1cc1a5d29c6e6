import { describe, expect, it } from 'vitest';
import { TextMemo } from '../../src/text/text-memo.js';

describe('TextMemo', () => {
  it('computes a text once while checks that need it follow one another, and forgets it after a check without it', () => {
    const memo = new TextMemo<number>();
    const computed: string[] = [];
    const length = (t: string): number => {
      computed.push(t);
      return t.length;
    };
    memo.nextCheck();
    expect(memo.get('一、总体要求', length)).toBe(6);
    expect(memo.get('一、总体要求', length)).toBe(6);
    memo.nextCheck();
    expect(memo.get('一、总体要求', length)).toBe(6);
    expect(memo.get('（一）工作目标', length)).toBe(7);
    memo.nextCheck();
    memo.get('（一）工作目标', length);
    memo.nextCheck();
    memo.nextCheck();
    // Two checks without it: computed again.
    memo.get('（一）工作目标', length);
    expect(computed).toEqual(['一、总体要求', '（一）工作目标', '（一）工作目标']);
  });
});
