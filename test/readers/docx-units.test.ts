import { describe, expect, it } from 'vitest';
import { halfPoints, twips } from '../../src/readers/docx/units.js';

describe('docx measures', () => {
  it('reads twips as written: plain digits, signs, spaces, units', () => {
    expect(twips('720')).toBe(720);
    expect(twips('0720')).toBe(720);
    expect(twips('-120')).toBe(-120);
    expect(twips(' 720 ')).toBe(720);
    expect(twips('1.27cm')).toBe(720);
    expect(twips('12pt')).toBe(240);
    expect(twips('12345678901')).toBe(12345678901);
    expect(twips('7２0')).toBeUndefined();
    expect(twips('')).toBeUndefined();
    expect(twips(undefined)).toBeUndefined();
  });

  it('reads half-points: "32" or "16pt"', () => {
    expect(halfPoints('32')).toBe(32);
    expect(halfPoints('16pt')).toBe(32);
    expect(halfPoints('10.5')).toBe(10.5);
    expect(halfPoints('-4')).toBeUndefined();
    expect(halfPoints('3a')).toBeUndefined();
  });
});
