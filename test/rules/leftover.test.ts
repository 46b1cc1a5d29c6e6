// The leftover-* rules on real files: a .docx LibreOffice wrote with tracked changes, a comment, highlight,
// hidden text and a content-control placeholder; a text draft with chat-tool and web-page debris; the seeds,
// the good drafts, and the real Word/WPS files beside the repository.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult } from '../../src/engine/result.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const CALIBRATION = `${ROOT}../shared/calibration`;

const session = (locale: 'zh' | 'en' = 'zh'): LintSession => new LintSession({ cwd: ROOT, useConfig: false, locale });
const leftovers = (r: FileResult) =>
  r.messages.filter((m) => m.ruleId?.startsWith('leftover-')).map((m) => ({ line: m.line, column: m.column, rule: m.ruleId, severity: m.severity, message: m.message, text: m.text }));

async function lintFile(path: string, locale: 'zh' | 'en' = 'zh') {
  const [r] = await session(locale).lintPaths([path]);
  return leftovers(r!);
}

async function lintText(text: string, name = 'draft.txt') {
  return leftovers(await session().lintBytes(new TextEncoder().encode(text), name));
}

describe('review marks in a .docx made by LibreOffice', () => {
  test('every mark is a finding at its paragraph, with who and when', async () => {
    const found = await lintFile('fixtures/leftover/review-marks.docx');
    expect(found.map(({ line, column, rule, severity, message }) => [line, column, rule, severity, message])).toEqual([
      [1, 1, 'leftover-properties', 'info', '文档属性中留有个人信息：作者 "王小明"、最后保存者 "李处长"'],
      [3, 21, 'leftover-tracked-changes', 'error', '未处理的修订：插入"5月下旬"（王科长，2024-05-06）'],
      [3, 34, 'leftover-tracked-changes', 'error', '未处理的修订：删除"请各单位高度重视。"（王科长，2024-05-06）'],
      [4, 12, 'leftover-comments', 'error', '未删除的批注（李处长，2024-05-07）：档案室上月已查过，是否保留？'],
      [5, 22, 'leftover-highlight', 'warning', '突出显示（黄色）的文字："燃气管道"'],
      [6, 23, 'leftover-hidden-text', 'error', '隐藏文字："内部掌握：5月25日抽查。"'],
      [7, 23, 'leftover-tracked-changes', 'error', '未处理的修订：格式修改（李处长，2024-05-07）'],
      [8, 5, 'leftover-template-text', 'error', '内容控件仍显示占位文字："单击或点击此处输入文字。"'],
    ]);
    // The range is the marked text itself.
    expect(found.map((f) => f.text)).toEqual(['', '5月下旬', '', '档案室', '燃气管道', '内部掌握：5月25日抽查。', '立即整改', '单击或点击此处输入文字。']);
  });

  test('in English', async () => {
    const found = await lintFile('fixtures/leftover/review-marks.docx', 'en');
    expect(found.map((f) => f.message)).toEqual([
      'the document properties name people: author "王小明", last saved by "李处长"',
      'tracked change: insertion "5月下旬" (王科长, 2024-05-06)',
      'tracked change: deletion "请各单位高度重视。" (王科长, 2024-05-06)',
      'review comment left in (李处长, 2024-05-07): 档案室上月已查过，是否保留？',
      'highlighted text (yellow): "燃气管道"',
      'hidden text: "内部掌握：5月25日抽查。"',
      'tracked change: formatting change (李处长, 2024-05-07)',
      'content control still shows its placeholder text: "单击或点击此处输入文字。"',
    ]);
  });

  test('the other rules read the text as if the changes were accepted', async () => {
    const [r] = await session().lintPaths(['fixtures/leftover/review-marks.docx']);
    expect(r!.messages.some((m) => m.ruleId === 'typo' || m.ruleId === 'placeholder')).toBe(false);
  });
});

describe('chat-tool and web-page debris in a text draft', () => {
  test('each piece is found at its line', async () => {
    const found = await lintFile('fixtures/leftover/pasted-draft.txt');
    expect(found.map(({ line, column, rule, text }) => [line, column, rule, text])).toEqual([
      [2, 1, 'leftover-chat-text', '当然可以！以下是一份关于加强机关节约用电管理的通知示例'],
      [4, 1, 'leftover-chat-text', '### '],
      [6, 1, 'leftover-chat-text', '**二、主要措施**'],
      [11, 37, 'leftover-web-debris', '[email protected]'],
      [12, 1, 'leftover-web-debris', '发布时间：2024-06-03 浏览次数：'],
      [13, 1, 'leftover-web-debris', '【字体：大 中 小】 【打印本页】 【关闭窗口】'],
      [14, 1, 'leftover-web-debris', '分享到：'],
      [15, 1, 'leftover-web-debris', '扫一扫在手机打开当前页'],
      [18, 1, 'leftover-chat-text', '希望以上内容对你有帮助'],
      [18, 13, 'leftover-chat-text', '如果你需要，我可以帮你再写一份更正式的版本'],
      [19, 1, 'leftover-chat-text', '作为一个人工智能'],
    ]);
    expect(found[5]!.message).toBe('网页残留："【打印本页】"、"【关闭窗口】"、"【字体：大 中 小】"');
    expect(found.filter((f) => f.rule === 'leftover-web-debris').every((f) => f.severity === 'warning')).toBe(true);
    expect(found.filter((f) => f.rule === 'leftover-chat-text').every((f) => f.severity === 'error')).toBe(true);
  });

  test('in a Markdown draft ** and ### are markup, but the chat phrasing is still found', async () => {
    const found = await lintText('# 关于节约用电的通知\n\n**各科室：**\n\n希望以上内容对您有帮助。\n', 'draft.md');
    expect(found.map((f) => [f.rule, f.text])).toEqual([['leftover-chat-text', '希望以上内容对您有帮助']]);
  });

  test('official wording that looks alike is left alone', async () => {
    const text = [
      '各地可根据实际情况调整检查频次。',
      '要把好经验好做法分享到基层。',
      '公告发布时间另行通知，访问量较大的栏目要加强值守。',
      '以下是本次检查发现的主要问题。',
      '对作为一个整体推进的项目，要统筹安排。',
      '请各单位于6月10日前报送，联系邮箱：bgs@example.gov.cn。',
    ].join('\n');
    expect(await lintText(text)).toEqual([]);
  });

  test('template instructions in a text draft; the placeholder rule keeps "（此处…）"', async () => {
    const [r] = await Promise.all([session().lintBytes(new TextEncoder().encode('[此处输入文件标题]\n请在此处填写单位名称\n（此处填写日期）\n'), 'draft.txt')]);
    const mine = r.messages.filter((m) => m.ruleId === 'leftover-template-text').map((m) => [m.line, m.text]);
    expect(mine).toEqual([
      [1, '[此处输入文件标题]'],
      [2, '请在此处填写单位名称'],
    ]);
    expect(r.messages.some((m) => m.ruleId === 'placeholder' && m.line === 3)).toBe(true);
  });
});

describe('the seeds and the good drafts', () => {
  const formats = ['txt', 'docx', 'pdf'];

  test('seeds 001, 002, 003 and fixtures/good have no leftovers in any format', async () => {
    for (const name of ['seeds/001-province-measures-trad', 'seeds/002-city-report', 'seeds/003-news', 'good/good-notice', 'good/good-report']) {
      for (const ext of formats) expect(await lintFile(`fixtures/${name}.${ext}`), `${name}.${ext}`).toEqual([]);
    }
  });

  test('seed 004 was copied from a web page, and its page furniture is really there: five warnings', async () => {
    for (const ext of formats) {
      const found = await lintFile(`fixtures/seeds/004-regulation.${ext}`);
      expect(found.map((f) => [f.line, f.rule, f.severity]), ext).toEqual([
        [1, 'leftover-web-debris', 'warning'],
        [3, 'leftover-web-debris', 'warning'],
        [58, 'leftover-web-debris', 'warning'],
        [59, 'leftover-web-debris', 'warning'],
        [61, 'leftover-web-debris', 'warning'],
      ]);
      expect(found[0]!.text).toBe('无障碍浏览');
      expect(found[1]!.message).toMatch(/^网页残留："访问次数 ?:"、"发布时间 ?:2018"$/);
      expect(found[3]!.message).toBe('网页残留："你是本站第"、"Copyright@"、"All rights reserved"');
    }
  });

  test('seed 000 lost an e-mail address to the web page it was copied from: one warning', async () => {
    for (const ext of formats) {
      const found = await lintFile(`fixtures/seeds/000-moj-jianfu.${ext}`);
      expect(found.map((f) => [f.line, f.rule, f.text]), ext).toEqual([[19, 'leftover-web-debris', '[email protected]']]);
    }
  });
});

describe.skipIf(!existsSync(CALIBRATION))('the real Word/WPS files (../shared/calibration)', () => {
  const expected: Record<string, Array<[number, string]>> = {
    // Every one names its author; templates name the template's.
    'real-ffgzz-sow': [[1, 'leftover-properties'], [228, 'leftover-highlight'], [229, 'leftover-highlight']],
    'real-ffgzz-zhinan': [[1, 'leftover-properties'], [25, 'leftover-highlight']],
    'real-gwa-sx_1': [[1, 'leftover-properties'], [14, 'leftover-template-text'], [16, 'leftover-template-text'], [17, 'leftover-template-text']],
    'real-gwa-tz_1': [[1, 'leftover-properties'], [10, 'leftover-template-text']],
    'real-hsz-guanlibanfa-2023': [[1, 'leftover-properties']],
    'real-hsz-qingshibaogao-2023': [[1, 'leftover-chat-text'], [1, 'leftover-properties']],
    'real-mrered-template-14': [[1, 'leftover-properties'], [56, 'leftover-chat-text']],
    'real-wps-gongwen-yangzhang': [[1, 'leftover-properties']],
  };

  test('what each really carries, and nothing else', async () => {
    for (const [name, want] of Object.entries(expected)) {
      const found = await lintFile(`${CALIBRATION}/${name}.docx`);
      expect(found.map((f) => [f.line, f.rule]), name).toEqual(want);
      expect(found.filter((f) => f.rule === 'leftover-properties').every((f) => f.severity === 'info'), name).toBe(true);
    }
  });

  test('the quoted leftovers are the files\' own words', async () => {
    const mrered = await lintFile(`${CALIBRATION}/real-mrered-template-14.docx`);
    expect(mrered[1]!.text).toBe('如果你需要，我可以帮你做一个详细的译文和逐句解析');
    const zhinan = await lintFile(`${CALIBRATION}/real-ffgzz-zhinan.docx`);
    expect(zhinan[1]!.message).toMatch(/^突出显示（黄色）的文字："面向生产制造需求，开发型材智能选型/);
    const gwa = await lintFile(`${CALIBRATION}/real-gwa-sx_1.docx`);
    expect(gwa.slice(1).map((f) => f.text)).toEqual(['[此处输入文件标题]', '[此处输入主送机关]', '[此处输入正文内容]']);
  });
});
