import { describe, expect, it } from 'vitest';
import { isContentAt } from '../../src/text/content-char.js';
import { isWhitespaceCode, visibleLength } from '../../src/text/visible-length.js';

// The character tests the rules count with answer as the regular expressions they stand for, unit by unit.
describe('code-unit character tests', () => {
  it('judge whitespace as \\s and trim() do, for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isWhitespaceCode(c) !== /\s/.test(ch) || isWhitespaceCode(c) !== (ch.trim() === '')) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('judge letters and digits as /[\\p{L}\\p{N}]/u does, for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isContentAt(ch, 0) !== /[\p{L}\p{N}]/u.test(ch)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('count visible characters by code point, in whole texts and slices', () => {
    expect(visibleLength('关于 加强\u3000安全生产的通知\n')).toBe(11);
    // An astral character is one; a lone surrogate, as for…of sees it, is one too.
    expect(visibleLength('𠀀字 \ud840')).toBe(3);
    const text = '一、总体要求。 （一）目标任务；';
    expect(visibleLength(text, 7, text.length)).toBe([...text.slice(7)].filter((ch) => !/\s/u.test(ch)).length);
  });
});
