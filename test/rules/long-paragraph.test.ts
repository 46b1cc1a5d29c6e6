// A paragraph of a million characters (a whole report pasted without a line break) must not make a
// rule quadratic: each rule's work grows in step with the text. Measured as a ratio between two sizes,
// so the figure does not depend on the machine; the absolute speed lives in bench/.
import { describe, expect, test } from 'vitest';
import { buildDocument } from '../../src/document/build.js';
import { runRules } from '../../src/engine/run-rules.js';
import { builtinRules } from '../../rules/index.js';
import type { Document } from '../../src/document/model.js';

// Openings, bodies and endings that keep each rule walking: a lead-in chain never reaching the substance,
// slogans in every clause, formulas everywhere.
// An intensifier pair with no comma anywhere after it (全面开展消防检查…) makes boilerplate look for the end of
// its clause: that look is bounded, or a paragraph pasted without punctuation would be quadratic.
const UNITS: Array<[string, string]> = [
  ['preamble', '为深入贯彻落实关于加强作风建设的重要指示批示精神，认真落实上级部署要求，在市委的正确领导下，'],
  ['closing-slogan', '为全面建设社会主义现代化国家而努力奋斗，奋力谱写新时代发展新篇章，'],
  ['boilerplate', '进一步提高思想认识，为全市高质量发展提供坚强保障，'],
  ['boilerplate', '全面开展消防检查'],
  ['specificity', '要坚持问题导向，认真抓好整改，'],
];

async function docOf(unit: string, size: number): Promise<Document> {
  const body = unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + '。';
  return buildDocument({ format: 'txt', paragraphs: [{ text: '关于加强作风建设的通知', kind: 'title' }, { text: body, kind: 'body' }], warnings: [] } as never, 'long.txt');
}

async function timeRule(id: string, doc: Document): Promise<number> {
  const rule = builtinRules.find((r) => r.meta.id === id)!;
  const resolved = [{ id, rule, severity: 'warning' as const, options: Object.fromEntries(Object.entries(rule.meta.options ?? {}).filter(([, s]) => s.default !== undefined).map(([k, s]) => [k, s.default])) }];
  const start = performance.now();
  const run = await runRules(doc, resolved as never, 'zh', undefined);
  expect(run.crashes).toEqual([]);
  return performance.now() - start;
}

describe('rules stay linear on a 10⁶-character paragraph', () => {
  for (const [id, unit] of UNITS) {
    test(`${id}: ${unit.slice(0, 8)}…`, async () => {
      const small = await docOf(unit, 100_000);
      const large = await docOf(unit, 1_000_000);
      await timeRule(id, small); // warm-up: matchers built, code compiled
      // The fastest of a few runs: a busy machine only ever adds time, so the minimum is the rule's own.
      const t1 = Math.min(await timeRule(id, small), await timeRule(id, small), await timeRule(id, small));
      const t10 = Math.min(await timeRule(id, large), await timeRule(id, large));
      // Ten times the text: about ten times the work when linear, a hundred when quadratic.
      expect(t10 / Math.max(t1, 1)).toBeLessThan(40);
    }, 120_000);
  }
});
