// src/text/han.ts spells \p{Script=Han} out as code-point ranges; they must be exactly what the running
// Node's \p{Script=Han} matches, and expandHan must rewrite patterns without changing what they match.
import { describe, expect, test } from 'vitest';
import { HAN_CLASS_BODY, HAN_RANGES, expandHan, expandHanBmp, hasSurrogate } from '../src/text/han.js';

const HAN = /^\p{Script=Han}$/u;
const SPELLED = new RegExp(`^[${HAN_CLASS_BODY}]$`, 'u');

describe('Han code-point ranges', () => {
  test('the ranges match exactly the code points \\p{Script=Han} matches, BMP and astral planes', () => {
    // Every plane \p{Script=Han} reaches (0 to 3 on Unicode 17) and the one beyond, code point by code point.
    const lastPlane = Math.max(...HAN_RANGES.map(([, b]) => b >> 16)) + 1;
    let han = 0;
    const differ: string[] = [];
    for (let c = 0; c < (lastPlane + 1) * 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogates: no script
      const ch = String.fromCodePoint(c);
      const want = HAN.test(ch);
      if (want) han++;
      if (SPELLED.test(ch) !== want && differ.length < 10) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
    expect(han).toBeGreaterThan(90000);
  });

  test('the ranges are ascending and do not touch', () => {
    for (const [i, [a, b]] of HAN_RANGES.entries()) {
      expect(a).toBeLessThanOrEqual(b);
      if (i > 0) expect(a).toBeGreaterThan(HAN_RANGES[i - 1]![1] + 1);
    }
  });

  test('expandHan rewrites inside and outside classes, and leaves escapes and other text alone', () => {
    const patterns = ['[\\p{Script=Han}]{2,6}(大学|学院)', '[^\\p{Script=Han}a-z]+', '\\p{Script=Han}{2}市', '\\\\\\p{Script=Han}', '[\\]\\p{Script=Han}]x', '第\\d+条'];
    const texts = ['北京大学', '清华学院', 'abc 12', 'ABC', '杭州市', '\\中', ']x', '中x', '𠀀𠀁市', '第12条', '〇〇大学'];
    for (const p of patterns) {
      const before = new RegExp(p, 'gu');
      const after = new RegExp(expandHan(p), 'gu');
      for (const t of texts) expect([...t.matchAll(after)].map((m) => [m.index, m[0]]), `${p} on ${t}`).toEqual([...t.matchAll(before)].map((m) => [m.index, m[0]]));
    }
    expect(expandHan('第\\d+条')).toBe('第\\d+条');
    expect(expandHan('[\\p{Script=Han}]')).not.toContain('Script=Han');
  });

  test('expandHanBmp, without the u flag, matches as \\p{Script=Han} does on every BMP character and on BMP text', () => {
    const bmp = new RegExp(`^${expandHanBmp('\\p{Script=Han}')}$`);
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (bmp.test(ch) !== HAN.test(ch) && differ.length < 10) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
    const patterns = ['[\\p{Script=Han}]{2,6}(大学|学院)', '[^\\p{Script=Han}a-z]+', '\\p{Script=Han}{2}市', '《[^》]{2,}》', '第\\d+条'];
    const texts = ['北京大学', '清华学院', 'abc 12', '杭州市', '依照《防洪法》执行', '第12条', '〇〇大学'];
    for (const p of patterns) {
      const before = new RegExp(p, 'gu');
      const after = new RegExp(expandHanBmp(p), 'g');
      for (const t of texts) expect([...t.matchAll(after)].map((m) => [m.index, m[0]]), `${p} on ${t}`).toEqual([...t.matchAll(before)].map((m) => [m.index, m[0]]));
    }
    expect(hasSurrogate('北京')).toBe(false);
    expect(hasSurrogate('𠀀市')).toBe(true);
  });
});
