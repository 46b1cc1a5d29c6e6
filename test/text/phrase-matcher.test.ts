import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../src/text/phrase-matcher.js';

const spans = <T>(m: PhraseMatcher<T>, text: string): Array<[T, string]> => m.find(text).map((h) => [h.value, text.slice(h.start, h.end)]);

describe('PhraseMatcher.find', () => {
  it('joins a gapped phrase within its gap, never across a sentence end', () => {
    const m = new PhraseMatcher<string>();
    m.add('为…提供坚强保障', 'guarantee');
    expect(spans(m, '要为全市经济发展提供坚强保障。')).toEqual([['guarantee', '为全市经济发展提供坚强保障']]);
    expect(spans(m, '为全市。提供坚强保障')).toEqual([]);
    // Each occurrence of the first part starts at most one hit, and hits of one phrase do not overlap.
    expect(spans(m, '为甲提供坚强保障，为乙提供坚强保障')).toEqual([
      ['guarantee', '为甲提供坚强保障'],
      ['guarantee', '为乙提供坚强保障'],
    ]);
  });

  it('orders alternatives of one part by where they start (提供 / 提供了)', () => {
    const m = new PhraseMatcher<string>({ gapMin: 0 });
    m.addParts([['提供', '提供了'], ['有力'], ['保障']], 'p', [0, 4]);
    expect(spans(m, '提供了有力的制度保障')).toEqual([['p', '提供了有力的制度保障']]);
    expect(spans(m, '提供有力保障')).toEqual([['p', '提供有力保障']]);
  });

  it('skips separators in the text and in the phrase alike', () => {
    const m = new PhraseMatcher<string>({ skip: '、，' });
    m.add('统一思想、提高认识', 'unite');
    expect(spans(m, '统一思想，提高认识')).toEqual([['unite', '统一思想，提高认识']]);
    expect(spans(m, '要统一思想提高认识')).toEqual([['unite', '统一思想提高认识']]);
  });

  it('takes more phrases after a search and finds them in the next', () => {
    const m = new PhraseMatcher<number>();
    m.add('高度重视', 1);
    expect(spans(m, '各地要高度重视')).toEqual([[1, '高度重视']]);
    for (let i = 0; i < 50; i++) m.add(`第${i}项…落实`, 100 + i);
    expect(spans(m, '第7项任务要落实到位，高度重视')).toEqual([
      [107, '第7项任务要落实'],
      [1, '高度重视'],
    ]);
    // A search leaves nothing behind for the next one.
    expect(spans(m, '落实')).toEqual([]);
  });

  it('reads back from bytes with the same hits', () => {
    const m = new PhraseMatcher<string>({ gapMax: 6 });
    m.add('在…的正确领导下', 'lead');
    m.add('正确领导', 'short');
    const text = '在市委市政府的正确领导下，各项工作稳步推进';
    const back = PhraseMatcher.fromBytes<string>(m.toBytes());
    expect(spans(back, text)).toEqual(spans(m, text));
    expect(spans(m, text)).toEqual([
      ['lead', '在市委市政府的正确领导下'],
      ['short', '正确领导'],
    ]);
  });
});
