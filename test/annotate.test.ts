// `wenfeng annotate`: the comments written into the copy match the findings one to one, each anchored
// on exactly the finding's text (read back with the project's own zip and XML readers); the copy
// reads as the same text (our reader, mammoth) and opens in LibreOffice; the draft is untouched.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { annotate } from '../src/annotate/annotate.js';
import { writeZip } from '../src/zip/write.js';
import { buildDocument } from '../src/document/build.js';
import type { FileResult, LintMessage } from '../src/engine/result.js';
import { readDocx } from '../src/readers/docx/index.js';
import { symbolChar } from '../src/readers/docx/symbols.js';
import { parseXml, type XmlElement, type XmlNode } from '../src/readers/docx/xml.js';
import { ZipArchive } from '../src/readers/docx/zip.js';
import { ROOT, runCli, tempDir } from './helpers/run-cli.js';

const OPTIONS = { maxInflatedBytes: 64 * 1024 * 1024 };
const SEEDS = readdirSync(join(ROOT, 'fixtures/seeds'))
  .filter((f) => f.endsWith('.docx'))
  .map((f) => `fixtures/seeds/${f}`);
const CALIBRATION = resolve(ROOT, '../shared/calibration');
const REAL = existsSync(CALIBRATION) ? readdirSync(CALIBRATION).filter((f) => f.endsWith('.docx')).map((f) => join(CALIBRATION, f)) : [];
const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

interface ReadComment {
  id: number;
  author: string;
  initials: string;
  lines: string[];
  /** The document text between the range markers ('' for a comment on a place). */
  anchored: string;
  /** Has a commentReference in the document. */
  referenced: boolean;
}

/**
 * The comments of a .docx, read back with the project's zip and XML readers: comments.xml for their
 * text, document.xml for what each range covers — in document order, as Word shows it (deleted and
 * instruction text and mc:Fallback left out, text boxes collecting only into ranges opened inside them).
 */
function readComments(bytes: Uint8Array): ReadComment[] {
  const zip = new ZipArchive(bytes, OPTIONS.maxInflatedBytes);
  const comments = parseXml(zip.read('word/comments.xml')!, 'word/comments.xml');
  const doc = parseXml(zip.read('word/document.xml')!, 'word/document.xml');
  const anchored = new Map<number, string>();
  const referenced = new Set<number>();
  let instr = 0;
  const fields: boolean[] = [];
  const walk = (nodes: XmlNode[], open: Set<number>): void => {
    const add = (t: string): void => {
      for (const id of open) anchored.set(id, (anchored.get(id) ?? '') + t);
    };
    for (const n of nodes) {
      if (typeof n === 'string') continue;
      const id = Number(n.attrs['w:id']);
      switch (n.name) {
        case 'w:commentRangeStart':
          open.add(id);
          anchored.set(id, '');
          break;
        case 'w:commentRangeEnd':
          open.delete(id);
          break;
        case 'w:commentReference':
          referenced.add(id);
          break;
        case 'w:t':
          if (instr === 0) add(n.children.filter((c): c is string => typeof c === 'string').join(''));
          break;
        case 'w:tab':
          if (instr === 0) add('\t');
          break;
        case 'w:sym':
          add(symbolChar(n.attrs['w:font'], Number.parseInt(n.attrs['w:char']!, 16)));
          break;
        case 'w:fldChar': {
          const type = n.attrs['w:fldCharType'];
          if (type === 'begin') {
            fields.push(true);
            instr++;
          } else if (type === 'separate' && fields[fields.length - 1]) {
            fields[fields.length - 1] = false;
            instr--;
          } else if (type === 'end' && fields.pop()) instr--;
          break;
        }
        case 'w:txbxContent':
          walk(n.children, new Set());
          break;
        case 'w:del':
        case 'w:moveFrom':
        case 'w:rt':
        case 'w:instrText':
        case 'mc:Fallback': // Word shows mc:Choice
          break;
        default:
          walk(n.children, open);
      }
    }
  };
  walk(doc.children, new Set());
  const textOf = (el: XmlElement): string =>
    el.children.map((c) => (typeof c === 'string' ? (el.name === 'w:t' ? c : '') : textOf(c))).join('');
  return comments.children
    .filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:comment')
    .map((c) => {
      const id = Number(c.attrs['w:id']);
      return {
        id,
        author: c.attrs['w:author'] ?? '',
        initials: c.attrs['w:initials'] ?? '',
        lines: c.children.filter((p): p is XmlElement => typeof p !== 'string' && p.name === 'w:p').map(textOf),
        anchored: anchored.get(id) ?? '',
        referenced: referenced.has(id),
      };
    });
}

async function paragraphTexts(bytes: Uint8Array): Promise<string[]> {
  return (await readDocx(bytes, 'x.docx', OPTIONS)).paragraphs.map((p) => p.text);
}

async function rawText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

/** LibreOffice converts each file (to pdf, and to flat ODF to count the comments it imported). */
function libreOffice(files: string[], to: 'pdf' | 'fodt', outDir: string): { code: number | null; stderr: string } {
  const r = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${join(outDir, 'lo-profile')}`, '--headless', '--convert-to', to, '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, stderr: r.stderr };
}

/** Checks a copy against the findings it was made from: one comment per finding, on the finding's text. */
function expectCommentsMatch(comments: ReadComment[], messages: LintMessage[], title: string): void {
  expect(comments).toHaveLength(messages.length + 1);
  expect(new Set(comments.map((c) => c.id)).size).toBe(comments.length);
  const [summary, ...rest] = [...comments].sort((a, b) => a.id - b.id);
  expect(summary!.anchored).toBe(title);
  expect(summary!.lines[0]).toMatch(/页/);
  rest.forEach((c, i) => {
    const m = messages[i]!;
    expect(c.author).toBe('wenfeng');
    expect(c.initials).toBe('WF');
    expect(c.referenced).toBe(true);
    expect(c.lines[0]).toBe(m.message);
    if (m.suggestion) expect(c.lines).toContain(`建议：${m.suggestion}`);
    expect(c.anchored, `${m.ruleId} ${m.line}:${m.column} ${m.text}`).toBe(m.text ?? '');
  });
}

describe('annotate the seed drafts', () => {
  const dir = tempDir('wenfeng-annotate-');
  const outputs: string[] = [];

  test.each(SEEDS)('%s', async (seed) => {
    const input = join(ROOT, seed);
    const before = sha256(input);
    const out = join(dir, basename(seed).replace(/\.docx$/, '.reviewed.docx'));
    const run = runCli(['annotate', seed, '-o', out, '--no-config']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^wenfeng annotate: 已写入 .*\.reviewed\.docx：\d+ 条问题批注和 1 条总评\n$/);
    expect(sha256(input)).toBe(before);
    outputs.push(out);

    const lint = JSON.parse(runCli(['--format', 'json', seed, '--no-config']).stdout).files[0] as FileResult;
    const bytes = new Uint8Array(readFileSync(out));
    const original = new Uint8Array(readFileSync(input));
    const texts = await paragraphTexts(original);
    const title = (await readDocx(original, seed, OPTIONS)).title ?? texts.find((t) => t.trim())!;
    const comments = readComments(bytes);
    expectCommentsMatch(comments, lint.messages, title);
    expect(comments.some((c) => c.lines.join('\n').includes('批注无法精确标在'))).toBe(false);

    expect(await paragraphTexts(bytes)).toEqual(texts);
    expect(await rawText(bytes)).toBe(await rawText(original));
    // Every part but the edited ones is copied byte for byte.
    const a = new ZipArchive(original, OPTIONS.maxInflatedBytes);
    const b = new ZipArchive(bytes, OPTIONS.maxInflatedBytes);
    for (const name of a.names()) {
      if (['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'].includes(name)) continue;
      expect(Buffer.from(b.read(name)!).equals(Buffer.from(a.read(name)!)), name).toBe(true);
    }
  });

  test.skipIf(!SOFFICE)('LibreOffice opens the copies: converts them to PDF and imports every comment', () => {
    expect(outputs.length).toBe(SEEDS.length);
    const pdf = libreOffice(outputs, 'pdf', dir);
    expect(pdf.code).toBe(0);
    const fodt = libreOffice(outputs, 'fodt', dir);
    expect(fodt.code).toBe(0);
    for (const out of outputs) {
      expect(readFileSync(out.replace(/\.docx$/, '.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      const flat = readFileSync(out.replace(/\.docx$/, '.fodt'), 'utf8');
      expect((flat.match(/<office:annotation[ >]/g) ?? []).length).toBe(readComments(new Uint8Array(readFileSync(out))).length);
    }
  }, 300_000);
  if (!SOFFICE) console.warn('annotate: LibreOffice check skipped: soffice not found (Debian: apt-get install libreoffice-writer-nogui)');
});

describe('annotate: the command refuses what it must', () => {
  const seed = join(ROOT, SEEDS[0]!);

  test('the draft as output, a non-.docx draft, an existing output without --force', () => {
    const dir = tempDir('wenfeng-annotate-');
    const draft = join(dir, '草稿.docx');
    copyFileSync(seed, draft);
    const before = sha256(draft);
    for (const args of [
      ['annotate', '草稿.docx', '-o', '草稿.docx'],
      ['annotate', '草稿.docx', '-o', './sub/../草稿.docx'],
      ['annotate', 'notes.txt'],
    ]) {
      writeFileSync(join(dir, 'notes.txt'), '关于工作的报告\n');
      const r = runCli([...args, '--no-config'], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
    expect(sha256(draft)).toBe(before);

    // The default output name, then the refusal to overwrite it, then --force.
    expect(runCli(['annotate', '草稿.docx', '--no-config'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, '草稿.reviewed.docx'))).toBe(true);
    const again = runCli(['annotate', '草稿.docx', '--no-config'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--force/);
    expect(runCli(['annotate', '草稿.docx', '--force', '--no-config'], { cwd: dir }).code).toBe(0);
    expect(sha256(draft)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('--locale en writes English comments; --rule and --type are honoured', () => {
    const dir = tempDir('wenfeng-annotate-');
    const out = join(dir, 'en.docx');
    const r = runCli(['annotate', SEEDS[2]!, '-o', out, '--locale', 'en', '--rule', 'punctuation: off', '--type', 'policy', '--no-config']);
    expect(r.code).toBe(0);
    const comments = readComments(new Uint8Array(readFileSync(out)));
    expect(comments.some((c) => c.lines.some((l) => l.startsWith('Suggestion: ')))).toBe(true);
    expect(comments.some((c) => c.lines.some((l) => l.includes('punctuation')))).toBe(false);
    expect(comments[0]!.lines[0]).toMatch(/limit 10 pages/);
  });
});

// A hand-made draft with the places where runs are awkward: a tab and an entity inside one run, a
// hyperlink, hidden text, deleted and inserted text, a field, a symbol and a character outside the
// BMP, generated numbering, a VML text box, a DrawingML text box with its VML fallback, a deleted
// paragraph mark, a table, ruby text, mc:AlternateContent, an empty paragraph, and a comment and
// bookmark already there.
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const DRAWING = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';
const BODY = [
  '<w:p><w:pPr><w:pStyle w:val="Title"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="44"/></w:rPr><w:t>关于测试工作的报告</w:t></w:r></w:p>',
  '<w:p><w:bookmarkStart w:id="5" w:name="b"/><w:r w:rsidR="00A1"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">甲乙</w:t><w:tab/><w:t>丙丁&amp;戊</w:t></w:r><w:r><w:t>己庚</w:t></w:r><w:bookmarkEnd w:id="5"/></w:p>',
  '<w:p><w:r><w:t>前文</w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>后文</w:t></w:r></w:p>',
  '<w:p><w:r><w:t>删除</w:t></w:r><w:del w:id="7" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>不要</w:delText></w:r></w:del><w:ins w:id="8" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:t>新增</w:t></w:r></w:ins><w:r><w:t>之后</w:t></w:r></w:p>',
  '<w:p><w:r><w:t>页码</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页，符号</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>和𠀀字</w:t></w:r></w:p>',
  '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>编号段落</w:t></w:r></w:p>',
  '<w:p><w:r><w:t>文本框前</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:120pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>框中文字</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r><w:r><w:t>文本框后</w:t></w:r></w:p>',
  '<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>合并</w:t></w:r></w:p><w:p><w:r><w:t>的段落</w:t></w:r></w:p>',
  '<w:tbl><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:p><w:commentRangeStart w:id="0"/><w:r><w:t>表格内容</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p></w:tc></w:tr></w:tbl>',
  '<w:p><w:r><w:t>带</w:t></w:r><w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/><w:hps w:val="12"/><w:hpsRaise w:val="22"/><w:hpsBaseText w:val="24"/><w:lid w:val="zh-CN"/></w:rubyPr><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>音的字</w:t></w:r></w:p>',
  `<w:p><w:r><w:t>兼容</w:t></w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>新式</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>旧式</w:t></w:r></mc:Fallback></mc:AlternateContent><w:r><w:t>写法</w:t></w:r></w:p>`,
  // A text box as Word writes it: DrawingML in mc:Choice, the same paragraphs again as VML in mc:Fallback.
  `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="1" name="box"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t>某某机关文件</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style="position:absolute;width:160pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>某某机关文件</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文开始</w:t></w:r></w:p>`,
  '<w:p/>',
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>',
].join('');

function trickyDocx(): Uint8Array {
  const xml = (s: string): Uint8Array => new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
      ),
    },
    { name: '_rels/.rels', data: xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
    {
      name: 'word/_rels/document.xml.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="${R}/comments" Target="comments.xml"/><Relationship Id="rId9" Type="${R}/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`,
      ),
    },
    { name: 'word/document.xml', data: xml(`<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:mc="${MC}" xmlns:w14="${W14}" ${DRAWING} mc:Ignorable="w14"><w:body>${BODY}</w:body></w:document>`) },
    {
      name: 'word/numbering.xml',
      data: xml(`<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`),
    },
    { name: 'word/comments.xml', data: xml(`<w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="张三" w:initials="ZS"><w:p><w:r><w:t>原有批注</w:t></w:r></w:p></w:comment></w:comments>`) },
  ]);
}

describe('annotate: runs split at the match, and the places that cannot be', async () => {
  const bytes = trickyDocx();
  const read = await readDocx(bytes, 'tricky.docx', OPTIONS);
  const doc = await buildDocument(read, 'tricky.docx');
  const texts = doc.paragraphs.map((p) => p.text);
  /** A finding on the first occurrence of `text` in the paragraph that has it. */
  const at = (text: string, extra: Partial<LintMessage> = {}): LintMessage => {
    const i = texts.findIndex((t) => t.includes(text));
    if (i < 0) throw new Error(`no paragraph has ${text}: ${JSON.stringify(texts)}`);
    const t = texts[i]!;
    const column = [...t.slice(0, t.indexOf(text))].length + 1;
    return { ruleId: 'demo', severity: 'warning', message: `问题：${text}`, suggestion: `改：${text}`, line: i + 1, column, endLine: i + 1, endColumn: column + [...text].length - 1, text, ...extra };
  };
  const exact = [
    at('测试'),
    at('乙\t丙'),
    at('&戊己'),
    at('甲乙\t丙丁&戊己庚'),
    at('丁&戊'),
    at('文链接文'),
    at('隐藏'),
    at('除新增之'),
    at('码3页'),
    at('号✓和𠀀'),
    at('编号'),
    at('前文本框后'),
    at('框中'),
    at('并的段'),
    at('表格'),
    at('甲'),
    at('机关'),
  ];
  const moved = [at('一、编号'), at('注音'), at('旧式'), { ...at('后文'), text: '不对' }];
  const whole: LintMessage = { ruleId: null, severity: 'warning', message: '文档含有未处理的修订', line: 1, column: 1, endLine: 1, endColumn: 1 };
  const messages = [...exact, ...moved, whole];
  const result: FileResult = {
    path: 'tricky.docx',
    format: 'docx',
    fatal: false,
    docType: { id: 'special-report', label: '专项报告', source: 'title', reason: '标题以"工作的报告"结尾：专项报告', pageLimit: 5 },
    pages: { count: 1, method: 'layout', exact: false },
    stats: {},
    messages,
    errorCount: 0,
    warningCount: messages.length,
    infoCount: 0,
    document: doc,
  };
  const out = annotate(bytes, result, 'zh', new Date('2024-05-01T08:00:00Z'));

  test('the draft reads as the reader expects', () => {
    expect(texts).toContain('甲乙\t丙丁&戊己庚');
    expect(texts).toContain('一、编号段落');
    expect(texts).toContain('合并的段落');
    expect(texts).toContain('兼容旧式写法');
  });

  test('each finding is one comment on its text; the rest at the paragraph start, saying why', () => {
    const comments = readComments(out.bytes).sort((a, b) => a.id - b.id);
    // The existing comment is kept, and the new ids are above every w:id already used (9).
    expect(comments[0]).toMatchObject({ id: 0, author: '张三', lines: ['原有批注'], anchored: '表格内容' });
    const ours = comments.slice(1);
    expect(ours.map((c) => c.id)[0]).toBe(10);
    expect(ours).toHaveLength(messages.length + 1);
    expect(ours[0]!.anchored).toBe('关于测试工作的报告');
    expect(ours[0]!.lines[0]).toBe('专项报告（标题以"工作的报告"结尾）：约 1 页（按文档版式估算），上限 5 页');
    exact.forEach((m, i) => {
      expect(ours[i + 1]!.anchored, m.text).toBe(m.text);
      expect(ours[i + 1]!.lines).toEqual([m.message, `建议：${m.suggestion}`, 'wenfeng · 警告 · demo']);
    });
    moved.forEach((m, i) => {
      const c = ours[exact.length + 1 + i]!;
      expect(c.anchored, m.text).toBe('');
      expect(c.referenced).toBe(true);
      expect(c.lines.join('\n')).toMatch(/批注无法精确标在“.+”上：.+，故置于段首/);
    });
    expect(ours[ours.length - 1]!.lines[0]).toBe('文档含有未处理的修订');
    expect(out.comments.map((c) => c.fallback ?? c.placement)).toEqual(['exact', ...exact.map(() => 'exact'), 'numbering', 'unmapped', 'unmapped', 'mismatch', 'paragraph-start']);
  });

  test('the copy reads as the same text, to us and to mammoth', async () => {
    expect(await paragraphTexts(out.bytes)).toEqual(texts);
    expect(await rawText(out.bytes)).toBe(await rawText(bytes));
  });

  test.skipIf(!SOFFICE)('LibreOffice converts the copy and imports every comment', () => {
    const dir = tempDir('wenfeng-annotate-');
    const file = join(dir, 'tricky.reviewed.docx');
    writeFileSync(file, out.bytes);
    expect(libreOffice([file], 'pdf', dir).code).toBe(0);
    expect(existsSync(join(dir, 'tricky.reviewed.pdf'))).toBe(true);
    expect(libreOffice([file], 'fodt', dir).code).toBe(0);
    const flat = readFileSync(join(dir, 'tricky.reviewed.fodt'), 'utf8');
    expect((flat.match(/<office:annotation[ >]/g) ?? []).length).toBe(messages.length + 2);
  }, 180_000);
});

describe.skipIf(REAL.length === 0)('annotate real Word and WPS files (../shared/calibration)', () => {
  test.each(REAL.map((f) => [basename(f), f]))('%s', async (_name, file) => {
    const dir = tempDir('wenfeng-annotate-');
    const out = join(dir, 'out.docx');
    const run = runCli(['annotate', file, '-o', out, '--no-config']);
    expect(run.code, run.stderr).toBe(0);
    const lint = JSON.parse(runCli(['--format', 'json', file, '--no-config']).stdout).files[0] as FileResult;
    const bytes = new Uint8Array(readFileSync(out));
    const original = new Uint8Array(readFileSync(file));
    const comments = readComments(bytes).filter((c) => c.author === 'wenfeng').sort((a, b) => a.id - b.id);
    expect(comments).toHaveLength(lint.messages.length + 1);
    // Placed exactly wherever the text allows: these files have no generated numbering in findings.
    const misplaced = comments.slice(1).filter((c, i) => lint.messages[i]!.text !== undefined && c.anchored !== lint.messages[i]!.text && !c.lines.join('').includes('批注无法精确标在'));
    expect(misplaced).toEqual([]);
    expect(await paragraphTexts(bytes)).toEqual(await paragraphTexts(original));
    expect(await rawText(bytes)).toBe(await rawText(original));
  });
});
