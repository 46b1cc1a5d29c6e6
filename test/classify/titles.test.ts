// The title classifier on 239 titles written for it (test/classify/titles.json): every 文种, the 通知 that
// issue a policy or a plan, reports that sum up a period, plans and 方案 without a 文种, reports that are
// not the 文种 报告, and lines that are no title. At least 95 % must come out right; the misses are printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyTitle } from '../../src/classify/from-title.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

interface TitleSet {
  groups: Array<{ group: string; titles: Array<[string, string | null]> }>;
}

const set = JSON.parse(readFileSync(join(ROOT, 'test/classify/titles.json'), 'utf8')) as TitleSet;
const cases = set.groups.flatMap((g) => g.titles.map(([title, expected]) => ({ group: g.group, title, expected })));

describe('document type from the title, on the title set', () => {
  test('holds at least 200 titles and covers the 15 文种', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const wenzhong = ['决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'];
    for (const w of wenzhong) expect(cases.some((c) => c.title.replace(/（[^）]*）$/, '').endsWith(w)), w).toBe(true);
  });

  test('at least 95 % are classified as expected', () => {
    const misses = cases.filter((c) => (classifyTitle(c.title)?.id ?? null) !== c.expected);
    if (misses.length) {
      console.log(`title classifier misses (${misses.length} of ${cases.length}):\n${misses.map((m) => `  ${m.title}: expected ${m.expected}, got ${classifyTitle(m.title)?.id ?? null} (${classifyTitle(m.title)?.reason.zh ?? '-'})`).join('\n')}`);
    }
    expect((cases.length - misses.length) / cases.length).toBeGreaterThanOrEqual(0.95);
  });

  test('a reason quotes only words the title contains', () => {
    for (const c of cases) {
      const cls = classifyTitle(c.title);
      if (!cls) continue;
      const title = c.title.replace(/[\s\u3000]+/g, '');
      for (const [, quoted] of cls.reason.zh.matchAll(/"([^"]+)"/g)) expect(title, `${c.title}: ${cls.reason.zh}`).toContain(quoted);
      for (const [, quoted] of cls.reason.en.matchAll(/"([^"]+)"/g)) expect(title, `${c.title}: ${cls.reason.en}`).toContain(quoted);
    }
  });
});

describe('a draft whose title tells no kind says so in the summary', () => {
  const body = '本周五下午三点在三楼会议室召开全体干部职工大会，传达学习上级会议精神，部署下一阶段重点工作，请各科室负责同志提前安排好工作，准时参加，不得无故缺席。\n';

  test('a title line with no 文种: the summary names --type and config', () => {
    const r = runCli(['-', '--no-config'], { input: `各位同事：\n${body}` });
    expect(r.stdout).toContain('其他文种（未能从标题判断文种：可用 --type 或配置 overrides 指定）');
    const en = runCli(['-', '--no-config', '--locale', 'en'], { input: `各位同事：\n${body}` });
    expect(en.stdout).toContain('other (the title does not tell the kind: set it with --type or config overrides)');
  });

  test('no title line at all', () => {
    const r = runCli(['-', '--no-config', '--format', 'json'], { input: body.trim().repeat(2) });
    expect(JSON.parse(r.stdout).files[0].docType).toMatchObject({ id: 'other', source: 'default', reason: '未能找到标题：可用 --type 或配置 overrides 指定文种' });
  });

  test('a summing-up with no 文种 is read from its title', () => {
    const r = runCli(['-', '--no-config', '--format', 'json'], { input: `XX局2023年工作总结和2024年工作计划\n${body}` });
    expect(JSON.parse(r.stdout).files[0].docType).toMatchObject({ id: 'comprehensive-report', source: 'title', pageLimit: 8 });
  });
});
