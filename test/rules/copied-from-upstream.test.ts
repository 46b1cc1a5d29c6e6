import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import { buildDocument } from '../../src/document/build.js';
import { readDocumentBytes } from '../../src/readers/index.js';
import rule from '../../rules/copied-from-upstream.js';
import type { Document, Report, RuleContext, Severity } from '../../src/plugin-api.js';
import { tempDir } from '../helpers/run-cli.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SEED_000 = 'fixtures/seeds/000-moj-jianfu.txt';
const GOOD = ['fixtures/good/good-notice.txt', 'fixtures/good/good-report.txt'];

const session = (against: string[], options: Record<string, unknown> = {}, severity: Severity = 'error'): LintSession =>
  new LintSession({ cwd: ROOT, useConfig: false, rules: { 'copied-from-upstream': [severity, options] }, against });

const lint = (text: string, against = [SEED_000], options: Record<string, unknown> = {}, severity: Severity = 'error') =>
  session(against, options, severity).lintBytes(new TextEncoder().encode(text), 'draft.txt');

const seed = readFileSync(join(ROOT, SEED_000), 'utf8').split('\n');

/** What a drafter does to copied text: half-width punctuation, spaces, a quote style of their own. */
function disguise(text: string): string {
  const swapped = text.replace(/。/g, '. ').replace(/“|”/g, '"').replace(/、/g, ',').replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')');
  // A space after every 17th character, as pasting from a PDF leaves them.
  return [...swapped].map((ch, i) => (i % 17 === 16 ? `${ch} ` : ch)).join('');
}

// A county office's "implementation plan" that copies five of seed 000's sections (lines 4, 6, 8, 10, 14:
// 1453 of its 3051 characters) and writes five of its own in between, in a frame with its own title.
const COPIED_LINES = [4, 6, 8, 10, 14];
const OWN = [
  '云川县司法局落实整治形式主义为基层减负工作方案',
  '县司法局现有乡镇司法所14个，所均在编人员2.6人。2024年1月至6月，县局向司法所发文37件、要求报送材料52次，其中同一事项重复报送的有11次；司法所平均每周用于填表报数的时间约9小时。县局2023年开展的问卷调查中，司法所反映最多的是同一数据向不同股室重复报送、工作群过多和检查前临时补台账三项。本方案针对上述问题制定，县局各股室和各司法所按本方案执行，市司法局另有规定的从其规定。',
  '一、县局承担的事项。县局办公室牵头建立减负工作台账，逐月登记向司法所发文、报表和检查的数量，每月5日前在局务会上通报，通报只列数字和问题，不要求司法所作书面说明。人民调解、社区矫正、法律援助三个业务股室各确定1名联络员，负责本股室报表的合并与精简，9月30日前提出合并方案，报分管副局长审定后执行。联络员名单在县局内网公开，司法所对报表有意见的，直接向联络员反映，联络员5个工作日内答复；答复不了的，提交局务会研究，并把研究结果告诉提出意见的司法所。',
  '二、报表合并。现有向司法所下发的报表23种，合并为9种：人民调解月报、社区矫正月报和普法台账合并为一张综合月报；法律援助案件登记表改由县法律援助中心直接从省平台导出，不再要求司法所填报；安置帮教花名册每季度更新一次，改由县局从公安部门共享数据中提取。合并后的报表于10月1日起使用，旧表同时停用，县局不再接收旧表。各股室需要新增报表的，须经局务会同意，并说明能否从已有报表或平台中取得同样的数据，能取得的一律不新增。',
  '三、检查安排。2024年下半年县局对司法所只开展1次综合检查，时间定在11月，与县委政法委的平安建设考核合并进行，检查组不超过4人，不要求司法所准备汇报材料和展板，不以台账多少评价工作。检查采取查阅业务系统数据和随机回访当事人的方式，每个司法所回访调解当事人不少于5名。检查结果当场反馈，发现的问题由县局相关股室负责跟踪，不再要求司法所另行书面报告整改情况；需要县局协调解决的，由分管副局长在12月底前逐项答复。',
  '四、信息系统。司法所使用的业务系统由7个减为3个：人民调解、社区矫正统一使用省司法厅平台，其余4个县级自建系统于12月31日前停用，数据迁移由县局信息中心负责，迁移期间司法所不需重复录入。县局信息中心指定专人电话答复司法所在系统使用中遇到的问题，工作日当天答复。停用的系统在县局保留只读账号6个月，供查询历史数据，此后按档案管理规定归档。司法所工作人员的工作群由现在的平均9个减为2个，其余工作群由建群股室在10月底前解散。',
  '五、时间安排和评估。9月底前完成联络员确定和报表合并方案，10月底前完成系统停用和工作群清理，11月完成综合检查，12月中旬县局对司法所开展一次不记名问卷调查，了解填表报数时间和发文数量的变化，以司法所每周填表报数时间降到4小时以内、重复报送为零作为衡量标准。调查结果和本方案执行情况在县局门户网站公开，并报县委政法委和市司法局。执行中遇到的问题，由县局办公室汇总，每月提交局务会研究一次。',
  '六、联系方式。本方案由县局办公室负责解释。执行中有意见建议的，请与县局办公室联系，联系人：李明，电话：0871-64012345。司法所反映的问题，县局办公室登记后在3个工作日内转相关股室，股室在10个工作日内答复并抄送办公室；对同一问题反映3次以上仍未解决的，由局长在局务会上专门研究，研究结果在县局内网公开。',
];

function buildDraft(): { text: string; copied: number; total: number } {
  const copiedLines = COPIED_LINES.map((n) => seed[n - 1]!);
  const paragraphs = [OWN[0]!, OWN[1]!];
  copiedLines.forEach((line, i) => paragraphs.push(disguise(line), OWN[i + 2]!));
  paragraphs.push(OWN[7]!);
  const text = `${paragraphs.join('\n')}\n`;
  const count = (s: string): number => s.replace(/[\p{P}\p{S}\p{Z}\s]/gu, '').length;
  const copied = copiedLines.reduce((n, l) => n + count(l), 0);
  return { text, copied, total: count(text) };
}

describe('copied-from-upstream', () => {
  test('a draft that copies about half of seed 000 reports a share near 50%', async () => {
    const { text, copied, total } = buildDraft();
    const expected = copied / total;
    expect(expected).toBeGreaterThan(0.45);
    expect(expected).toBeLessThan(0.55);
    const r = await lint(text);
    const share = r.stats.copiedShare!;
    expect(Math.abs(share - 0.5)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(share - expected)).toBeLessThanOrEqual(0.02);
    console.log(`copied share measured ${share} (built with ${expected.toFixed(3)})`);

    const passages = r.messages.filter((m) => m.ruleId === 'copied-from-upstream' && m.severity === 'warning');
    expect(passages.map((m) => m.line)).toEqual([3, 5, 7, 9, 11]);
    expect(passages[0]!.message).toMatch(/^与 fixtures\/seeds\/000-moj-jianfu\.txt 第 4 段相同 \d+ 字$/);
    expect(passages.map((m) => /第 (\d+) 段/.exec(m.message)?.[1])).toEqual(COPIED_LINES.map(String));
    // Each passage is the whole copied paragraph: 196 characters for seed 000's line 4.
    expect(passages[0]!.message).toMatch(/相同 196 字$/);
    // The range is the draft's own (disguised) text, from its first character to its last.
    const line3 = text.split('\n')[2]!;
    expect(passages[0]!.text).toBe(line3.trimEnd().replace(/[. ]+$/, ''));

    const whole = r.messages.filter((m) => m.ruleId === 'copied-from-upstream' && m.severity === 'error');
    expect(whole).toHaveLength(1);
    expect(whole[0]!.line).toBe(1);
    expect(whole[0]!.message).toMatch(new RegExp(`^全文 ${Math.round(share * 100)}% 与上级文件相同（fixtures/seeds/000-moj-jianfu\\.txt \\d+%）`));
  });

  test('below maxShare the document-level finding is only information', async () => {
    const { text } = buildDraft();
    const r = await lint(text, [SEED_000], { maxShare: 0.8 });
    const whole = r.messages.filter((m) => /^全文/.test(m.message));
    expect(whole.map((m) => m.severity)).toEqual(['info']);
  });

  test('English messages', async () => {
    const { text } = buildDraft();
    const s = new LintSession({ cwd: ROOT, useConfig: false, locale: 'en', rules: { 'copied-from-upstream': 'warning' }, against: [SEED_000] });
    const r = await s.lintBytes(new TextEncoder().encode(text), 'draft.txt');
    expect(r.messages.some((m) => /^\d+ characters identical to fixtures\/seeds\/000-moj-jianfu\.txt, paragraph 4$/.test(m.message))).toBe(true);
    expect(r.messages.some((m) => /^\d+% of the draft repeats the upstream document/.test(m.message))).toBe(true);
  });

  test('the good fixtures against seed 000: share under 5%, no passages', async () => {
    for (const r of await session([SEED_000]).lintPaths(GOOD)) {
      expect(r.stats.copiedShare).toBeLessThan(0.05);
      expect(r.messages.filter((m) => m.ruleId === 'copied-from-upstream')).toEqual([]);
    }
  });

  test('the other seeds against seed 000 share no passage of 30 characters', async () => {
    const results = await session([SEED_000]).lintPaths(['fixtures/seeds/001-province-measures-trad.txt', 'fixtures/seeds/002-city-report.txt', 'fixtures/seeds/003-news.txt', 'fixtures/seeds/004-regulation.txt']);
    for (const r of results) expect(r.messages.filter((m) => m.ruleId === 'copied-from-upstream')).toEqual([]);
  });

  test('a traditional-character copy of a simplified reference is still a copy', async () => {
    // Seed 001's measure 4 in the draft's own words around it; the reference is the same measure in simplified characters.
    const trad = readFileSync(join(ROOT, 'fixtures/seeds/001-province-measures-trad.txt'), 'utf8').split('\n')[7]!;
    const { Converter } = await import('opencc-js/t2cn');
    const simplified = Converter({ from: 't', to: 'cn' })(trad);
    const dir = tempDir('wenfeng-copied-');
    writeFileSync(join(dir, 'upstream.txt'), `关于精简文件的通知\n${simplified}\n`);
    const r = await lint(`關於精簡文件的實施意見\n${trad}\n縣委辦公室每月5日前通報各部門發文數量。\n`, [join(dir, 'upstream.txt')]);
    const passage = r.messages.find((m) => m.ruleId === 'copied-from-upstream' && m.severity === 'warning');
    expect(passage?.line).toBe(2);
    expect(passage?.text).toBe(trad.replace(/。$/, ''));
    expect(passage?.message).toMatch(/upstream\.txt 第 2 段相同/);
  });

  test('the draft given as its own reference is skipped, in any format', async () => {
    const results = await session([SEED_000]).lintPaths([SEED_000, 'fixtures/seeds/000-moj-jianfu.docx', 'fixtures/seeds/000-moj-jianfu.pdf']);
    for (const r of results) expect(r.messages.filter((m) => m.ruleId === 'copied-from-upstream')).toEqual([]);
  });

  test('the whole of seed 000 under a title of its own is a copy, an error', async () => {
    const body = seed.slice(1).join('\n');
    const r = await lint(`云川县司法局关于整治形式主义为基层减负的实施方案\n${body}\n县司法局联系人：李明，电话：0871-64012345。\n`);
    const whole = r.messages.find((m) => m.ruleId === 'copied-from-upstream' && /^全文/.test(m.message));
    expect(whole?.severity).toBe('error');
    expect(r.stats.copiedShare).toBeGreaterThan(0.95);
  });

  test('set to warning, the copy is a warning: a report softens the configured severity, never raises it', async () => {
    const body = seed.slice(1).join('\n');
    const r = await lint(`云川县司法局关于整治形式主义为基层减负的实施方案\n${body}\n`, [SEED_000], {}, 'warning');
    const own = r.messages.filter((m) => m.ruleId === 'copied-from-upstream');
    expect(own.length).toBeGreaterThan(1);
    expect(new Set(own.map((m) => m.severity))).toEqual(new Set(['warning']));
    expect(r.errorCount).toBe(0);
  });

  test('without references the rule is silent and adds no stats', async () => {
    const r = await lint(buildDraft().text, []);
    expect(r.messages.filter((m) => m.ruleId === 'copied-from-upstream')).toEqual([]);
    expect(r.stats.copiedShare).toBeUndefined();
  });

  test('the examples of the doc page', async () => {
    const bad = await lint(`云川县司法局精简会议实施方案\n${disguise(seed[11]!)}\n`);
    expect(bad.messages.find((m) => m.ruleId === 'copied-from-upstream' && m.line === 2)?.message).toBe('与 fixtures/seeds/000-moj-jianfu.txt 第 12 段相同 387 字');
    // Citing the upstream document by its title (25 characters in common) is not copying.
    const good = await lint('云川县司法局精简报表实施方案\n按照《司法部关于整治形式主义为基层减负专项工作情况的报告》要求，县局向司法所下发的报表由23种合并为9种，10月1日起使用。\n');
    expect(good.messages.filter((m) => m.ruleId === 'copied-from-upstream')).toEqual([]);
  });

  test('a passage shorter than minChars is not reported', async () => {
    // 20 characters of seed 000 inside an otherwise new sentence.
    const r = await lint('关于精简会议的通知\n县局今年起坚持开短会、讲短话，力戒空话、套话，每次会议不超过40分钟。\n');
    expect(r.messages.filter((m) => m.ruleId === 'copied-from-upstream')).toEqual([]);
    expect(r.stats.copiedShare).toBe(0);
  });

  test('a 60-page draft against a 60-page reference takes well under a second', async () => {
    // Deterministic pseudo-text from the seeds' own characters, so shingles are as varied as real prose;
    // the draft copies every other paragraph of the reference.
    const alphabet = [...new Set([...readFileSync(join(ROOT, SEED_000), 'utf8')].filter((c) => /\p{Script=Han}/u.test(c)))];
    let state = 7;
    const random = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 2 ** 31) / 2 ** 31;
    const paragraph = (n: number): string => Array.from({ length: n }, (_, i) => (i % 23 === 22 ? '，' : alphabet[Math.floor(random() * alphabet.length)]!)).join('') + '。';
    const refParagraphs = Array.from({ length: 120 }, () => paragraph(310));
    const draftParagraphs = refParagraphs.map((p, i) => (i % 2 ? p : paragraph(310)));
    const read = async (lines: string[], path: string): Promise<Document> =>
      buildDocument(await readDocumentBytes(new TextEncoder().encode(['标题', ...lines].join('\n')), path, { maxInflatedBytes: 1e9 }), path);
    const ref = await read(refParagraphs, 'ref.txt');
    const draft = await read(draftParagraphs, 'draft.txt');
    const chars = draft.paragraphs.reduce((n, p) => n + p.text.length, 0);
    expect(chars).toBeGreaterThan(60 * 616);

    const reports: Report[] = [];
    const stats: Record<string, number> = {};
    const ctx: RuleContext<any> = {
      options: { minChars: 30, shingle: 12, maxShare: 0.3 },
      locale: 'zh',
      severity: 'warning',
      references: [ref],
      report: (r) => void reports.push(r),
      stat: (s) => void Object.assign(stats, s),
    };
    const started = performance.now();
    await rule.check(draft, ctx);
    const ms = performance.now() - started;
    console.log(`copied-from-upstream: ${chars} characters against ${chars}: ${ms.toFixed(0)} ms (cold, index built)`);
    expect(stats.copiedShare).toBeGreaterThan(0.45);
    expect(stats.copiedShare).toBeLessThan(0.55);
    expect(reports.filter((r) => r.messageId === 'passage')).toHaveLength(60);
  });
});
