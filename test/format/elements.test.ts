// Element recognition (document/elements.ts) on real drafts: the good drafts as .txt and .docx, the seeds, a
// 版头 with a 发文字号, a 附件说明 and a 版记; and the element names in the JSON output and the HTML report.
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult } from '../../src/engine/result.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const session = (): LintSession => new LintSession({ cwd: ROOT, useConfig: false });

/** Non-body elements as [line, element]. */
function elements(r: FileResult): Array<[number, string]> {
  return (r.document?.paragraphs ?? [])
    .filter((p) => p.element !== 'body' && p.element !== 'blank' && !p.element?.startsWith('heading-'))
    .map((p) => [p.sourceLine ?? p.index + 1, p.element!]);
}

async function lint(path: string): Promise<FileResult> {
  const [r] = await session().lintPaths([path]);
  return r!;
}

describe('the good drafts', () => {
  for (const ext of ['txt', 'docx']) {
    test(`good-notice.${ext}: title, 主送机关, headings by level, 署名 and 成文日期`, async () => {
      const r = await lint(`fixtures/good/good-notice.${ext}`);
      expect(elements(r)).toEqual([[1, 'title'], [2, 'addressee'], [41, 'signature'], [42, 'date']]);
      const byLine = new Map(r.document!.paragraphs.map((p) => [p.sourceLine ?? p.index + 1, p.element]));
      expect([byLine.get(4), byLine.get(5), byLine.get(16), byLine.get(17), byLine.get(40)]).toEqual(['heading-1', 'heading-2', 'heading-3', 'heading-4', 'body']);
    });
    test(`good-report.${ext}`, async () => {
      expect(elements(await lint(`fixtures/good/good-report.${ext}`))).toEqual([[1, 'title'], [2, 'addressee'], [33, 'signature'], [34, 'date']]);
    });
  }
});

describe('the seeds', () => {
  test('a title and body; a web page header line before the title of 003 and 004; 第X章 as chapters', async () => {
    expect(elements(await lint('fixtures/seeds/000-moj-jianfu.docx'))).toEqual([[1, 'title']]);
    expect(elements(await lint('fixtures/seeds/002-city-report.txt'))).toEqual([[1, 'title']]);
    expect(elements(await lint('fixtures/seeds/003-news.docx'))).toEqual([[1, 'header'], [2, 'title']]);
    const r004 = elements(await lint('fixtures/seeds/004-regulation.docx'));
    expect(r004.slice(0, 3)).toEqual([[1, 'header'], [2, 'title'], [4, 'chapter']]);
    expect(r004.filter(([, e]) => e === 'chapter')).toHaveLength(8);
  });
});

describe('a date below the title is not the 成文日期', () => {
  test('a speech: title, speaker, date, then its text — no 署名, no attachments', async () => {
    const text = ['在全市安全生产工作会议上的讲话', '王明', '2024年3月5日', '同志们：', '今天召开全市安全生产工作会议，主要任务是总结去年工作，部署今年任务。', '一、去年工作回顾', '全市生产安全事故起数和死亡人数实现双下降。'].join('\n');
    const r = await session().lintBytes(new TextEncoder().encode(text), 'speech.txt');
    expect(r.document!.paragraphs.map((p) => p.element)).toEqual(['title', 'body', 'body', 'body', 'body', 'heading-1', 'body']);
  });
});

describe('a whole 公文 as text', () => {
  const draft = [
    '云川政办发〔2024〕5号',
    '云川市人民政府办公室关于印发《政务移动应用程序管理办法》的通知',
    '各区县人民政府，市政府各部门：',
    '《政务移动应用程序管理办法》已经市政府同意，现印发给你们，请认真遵照执行。',
    '附件：1.政务移动应用程序管理办法',
    '　　　2.保留程序清单',
    '云川市人民政府办公室',
    '2024年8月6日',
    '（此件公开发布）',
    '附件1',
    '政务移动应用程序管理办法',
    '第一条　为规范政务移动应用程序管理，制定本办法。',
    '抄送：市委办公室，市人大常委会办公室。',
    '云川市人民政府办公室　　　　2024年8月6日印发',
  ].join('\n');

  test('every element where it stands', async () => {
    const r = await session().lintBytes(new TextEncoder().encode(draft), 'notice.txt');
    expect(r.document!.paragraphs.map((p) => p.element)).toEqual([
      'doc-number', 'title', 'addressee', 'body', 'attachment-note', 'attachment-note', 'signature', 'date', 'note',
      'attachment', 'attachment', 'attachment', 'cc', 'printer',
    ]);
  });

  test('--format json names the lines of each element', () => {
    const run = runCli(['--stdin', '--stdin-filename', 'notice.txt', '--format', 'json', '--no-config'], { input: draft });
    const out = JSON.parse(run.stdout);
    expect(out.files[0].elements).toEqual({
      'doc-number': [1], title: [2], addressee: [3], 'attachment-note': [5, 6], signature: [7], date: [8], note: [9],
      attachment: [10, 11, 12], cc: [13], printer: [14],
    });
  });

  test('the HTML report labels each element', () => {
    const run = runCli(['--stdin', '--stdin-filename', 'notice.txt', '--format', 'html', '--no-config'], { input: draft });
    expect(run.stdout).toContain('data-line="1" data-element="doc-number" data-element-label="发文字号"');
    expect(run.stdout).toContain('data-element="date" data-element-label="成文日期"');
    expect(run.stdout).toContain('data-element="printer" data-element-label="印发机关和印发日期"');
  });
});
