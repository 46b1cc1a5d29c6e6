import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult } from '../../src/engine/result.js';
import { isConcrete } from '../../rules/specificity.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const mine = (r: FileResult) => r.messages.filter((m) => m.ruleId === 'specificity');

async function lint(text: string, options: Record<string, unknown> = {}): Promise<FileResult> {
  const session = new LintSession({ cwd: ROOT, useConfig: false, locale: 'zh', rules: { specificity: ['info', options] } as never });
  return session.lintBytes(new TextEncoder().encode(`关于加强作风建设的意见\n${text}\n`), 'draft.txt');
}

const VAGUE =
  '各单位要充分认识加强作风建设的重要意义，把作风建设摆在更加突出的位置，切实增强责任感和紧迫感。要坚持问题导向，聚焦群众反映强烈的突出问题，深入查找根源，认真抓好整改。' +
  '要健全长效机制，强化监督检查，对发现的问题严肃处理，推动作风建设不断取得新成效。要加强宣传引导，营造风清气正的良好氛围，以作风建设的新成效推动各项工作高质量发展。';
const CONCRETE = '市应急管理局负责组织汛期检查，6月30日前完成全部水库的隐患排查，联系人：王明。';

describe('what is concrete', () => {
  test.each([
    ['6月30日前完成排查', true],
    ['共检查企业一百二十家', true],
    ['由市应急管理局牵头', true],
    ['联系人：王明', true],
    ['请于年底前报送', true],
    ['依照《中华人民共和国防洪法》执行', true],
    ['迎宾大道施工期间实行单向通行', true],
    ['有关部门要高度重视', false],
    ['各单位主要负责同志要亲自抓', false],
    ['要坚持问题导向，认真抓好整改', false],
  ])('%s → %s', (sentence, concrete) => {
    expect(isConcrete(sentence)).toBe(concrete);
  });
});

describe('the specificity rule', () => {
  test('a long paragraph with nothing concrete is one info finding, with its figures', async () => {
    const r = await lint(`${VAGUE}\n${CONCRETE}`);
    const found = mine(r);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('info');
    expect(found[0]!.line).toBe(2);
    expect(found[0]!.message).toBe('本段 164 字、4 句，具体内容占 0%（数字、日期、时限、单位、人名、地点）');
    // 1 concrete sentence of 5 in the draft.
    expect(r.stats.specificSentences).toBe(1);
    expect(r.stats.sentences).toBe(5);
    expect(r.stats.specificity).toBe(0.2);
  });

  test('one concrete sentence is enough to keep a paragraph; minShare asks for more', async () => {
    const mixed = `${VAGUE}${CONCRETE}`;
    expect(mine(await lint(mixed))).toEqual([]);
    expect(mine(await lint(mixed, { minShare: 0.5 })).map((m) => m.message)).toEqual(['本段 204 字、5 句，具体内容占 20%（数字、日期、时限、单位、人名、地点）']);
  });

  test('short paragraphs are not judged', async () => {
    expect(mine(await lint('要坚持问题导向，认真抓好整改。要健全长效机制。'))).toEqual([]);
  });

  test('the well-written drafts are mostly concrete and never reported', async () => {
    const session = new LintSession({ cwd: ROOT, useConfig: false, locale: 'zh' });
    for (const r of await session.lintPaths(['fixtures/good/good-notice.txt', 'fixtures/good/good-report.txt'])) {
      expect(r.messages.filter((m) => m.ruleId === 'specificity')).toEqual([]);
      expect(r.stats.specificity).toBeGreaterThanOrEqual(0.6);
    }
  });
});
