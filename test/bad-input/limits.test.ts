// Limits that hold: hostile and huge inputs, made here at test time, end with one line naming the file and
// the cause (or are checked, where they are legitimately lintable), and the other files are still reported.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CompoundFile } from '../../src/readers/doc.js';
import { readBounded } from '../../src/engine/lint-file.js';
import { writeZip as makeZip } from '../../src/zip/write.js';
import { ROOT, runCli, tempDir } from '../helpers/run-cli.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const FINE = '关于做好基层减负工作的通知\n各单位要严格控制会议数量，每年不超过次。\n';

/** A .docx from its body XML (and optionally numbering.xml or styles.xml), built as Word lays one out. */
function docx(body: string, extra: { numbering?: string; styles?: string } = {}): Uint8Array {
  const parts = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>` },
  ];
  if (extra.numbering) parts.push({ name: 'word/numbering.xml', data: extra.numbering });
  if (extra.styles) parts.push({ name: 'word/styles.xml', data: extra.styles });
  return makeZip(parts);
}
const para = (text: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A PDF of `pages` pages sharing one content stream, with `/Count` as given (default: the true count). */
function pdf(pages: number, count: number | string = pages): Buffer {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${5 + i} 0 R`).join(' ');
  const content = 'BT /F1 12 Tf 72 720 Td (Notice on the work of the year) Tj ET';
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${count} >>`);
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let i = 0; i < pages; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>');
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Writes the named files into a fresh directory with a fine draft beside them; returns the directory. */
function setUp(files: Record<string, Uint8Array | string>): string {
  const dir = tempDir('wenfeng-limits-');
  writeFileSync(join(dir, 'fine.txt'), FINE);
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return dir;
}

/** The compact report's one line for `name`, and that `fine.txt` was still checked. */
function lineFor(stdout: string, name: string): string {
  expect(stdout, 'the other file is still reported').toMatch(/^fine\.txt:2:\d+: 错误 数字空缺/m);
  const lines = stdout.split('\n').filter((l) => l.startsWith(`${name}:`));
  expect(lines, stdout.slice(0, 2000)).toHaveLength(1);
  return lines[0]!;
}

const OOM_PLUGIN = `export default { rules: { hog: { meta: { id: 'hog', description: { zh: '占内存', en: 'hog' }, defaultSeverity: 'error' }, check(doc) { if (doc.path.includes('hog')) { const a = []; for (;;) a.push(new Array(1e5).fill(Math.random())); } } } } };\n`;
const LOOP_PLUGIN = `export default { rules: { stuck: { meta: { id: 'stuck', description: { zh: '死循环', en: 'loop' }, defaultSeverity: 'error' }, check(doc) { if (doc.path.includes('stuck')) for (;;) {} } } } };\n`;

describe('isolation: a draft can always be stopped, and the run goes on', () => {
  for (const concurrency of ['off', '2']) {
    test(`runaway memory ends that file with "超出内存限制" (--concurrency ${concurrency})`, () => {
      const dir = setUp({ 'hog.txt': '关于工作的通知\n正文。\n', 'p.mjs': OOM_PLUGIN, '.wenfengrc.json': JSON.stringify({ plugins: ['./p.mjs'] }) });
      const r = runCli(['hog.txt', 'fine.txt', '--max-memory', '96', '--concurrency', concurrency, '--format', 'compact'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(lineFor(r.stdout, 'hog.txt')).toBe('hog.txt:1:1: 错误 超出内存限制（96 MB），已放弃此文件；可用 --max-memory 放宽限制 [fatal]');
    });
  }

  test('a busy loop in the only file, with --concurrency off, ends at its time limit', () => {
    const dir = setUp({ 'stuck.txt': '关于工作的通知\n正文。\n', 'p.mjs': LOOP_PLUGIN, '.wenfengrc.json': JSON.stringify({ plugins: ['./p.mjs'] }) });
    const r = runCli(['stuck.txt', '--timeout-per-page', '0.5', '--concurrency', 'off', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^stuck\.txt:1:1: 错误 处理超时（超过 2 秒），已放弃此文件；可用 --timeout-per-page 放宽限制 \[fatal\]$/m);
  });

  test('--max-memory and --limit are checked as usage', () => {
    expect(runCli(['fine.txt', '--max-memory', 'lots']).stderr).toMatch(/--max-memory 的值 'lots' 无效，应为大于 0 的兆字节数/);
    expect(runCli(['fine.txt', '--max-memory', 'lots', '--locale', 'en']).stderr).toMatch(/--max-memory must be a number of megabytes > 0/);
    expect(runCli(['fine.txt', '--limit', 'pages=3']).stderr).toMatch(/--limit 'pages=3'：应为 <名称>=<数值>，名称为 .*paragraphs/);
    expect(runCli(['fine.txt', '--limit', 'pages=3', '--locale', 'en']).stderr).toMatch(/--limit 'pages=3': expected <name>=<number> with a name among .*paragraphs/);
  });
});

describe('bounded reading: caps checked while reading, each naming its option', () => {
  test('a .docx of 250,000 small paragraphs stops at the paragraph cap', () => {
    const dir = setUp({ 'many.docx': docx('<w:p><w:r><w:t>一</w:t></w:r></w:p>'.repeat(250_000)) });
    const r = runCli(['many.docx', 'fine.txt', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lineFor(r.stdout, 'many.docx')).toBe('many.docx:1:1: 错误 已拒绝读取：段落超过 200000 个（可用 --limit paragraphs=… 放宽） [fatal]');
  });

  test('a 10-million-character paragraph in a .docx stops at the paragraph-length cap', () => {
    const dir = setUp({ 'long.docx': docx(para('长'.repeat(10_000_000))) });
    const r = runCli(['long.docx', 'fine.txt', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lineFor(r.stdout, 'long.docx')).toMatch(/^long\.docx:1:1: 错误 已拒绝读取：有段落超过 200000 个字符（可用 --limit paragraph-chars=… 放宽） \[fatal\]$/);
  });

  test('a table of 300,000 cells stops at the table-cell cap', () => {
    const row = `<w:tr>${'<w:tc><w:p/></w:tc>'.repeat(100)}</w:tr>`;
    const dir = setUp({ 'cells.docx': docx(`<w:tbl><w:tblGrid><w:gridCol w:w="90"/></w:tblGrid>${row.repeat(3_000)}</w:tbl>`) });
    const r = runCli(['cells.docx', 'fine.txt', '--limit', 'paragraphs=1000000', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lineFor(r.stdout, 'cells.docx')).toMatch(/表格单元格超过 200000 个（可用 --limit table-cells=… 放宽）/);
  });

  test('a numbering definition with a huge lvlText is refused; too many definitions too', () => {
    const numbering = (lvlText: string, defs = 1): string =>
      `<w:numbering xmlns:w="${W}">${Array.from({ length: defs }, (_, i) => `<w:abstractNum w:abstractNumId="${i}"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${lvlText}"/></w:lvl></w:abstractNum>`).join('')}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const body = para('第一项工作', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>').repeat(2_000);
    const dir = setUp({ 'lvl.docx': docx(body, { numbering: numbering(`%1${'、'.repeat(2_000_000)}`) }), 'defs.docx': docx(body, { numbering: numbering('%1.', 20_000) }) });
    const r = runCli(['lvl.docx', 'defs.docx', 'fine.txt', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lineFor(r.stdout, 'lvl.docx')).toMatch(/编号格式（lvlText）超过 1000 个字符（可用 --limit lvl-text=… 放宽）/);
    expect(lineFor(r.stdout, 'defs.docx')).toMatch(/编号定义超过 10000 个（可用 --limit numbering=… 放宽）/);
  });

  test('a document.xml past the per-part cap is refused before it is parsed', () => {
    const dir = setUp({ 'part.docx': docx(para('正文。'.repeat(1_000)).repeat(2_000)) });
    const r = runCli(['part.docx', 'fine.txt', '--limit', 'part-size=4', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lineFor(r.stdout, 'part.docx')).toMatch(/word\/document\.xml 解压后超过 4 MB（可用 --limit part-size=… 放宽）/);
  });

  test('a 20 MB single-line .txt stops at the paragraph-length cap; past --max-file-size it is not read', () => {
    const dir = setUp({ 'one-line.txt': Buffer.alloc(20 * 1024 * 1024, 'a') });
    const r = runCli(['one-line.txt', 'fine.txt', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lineFor(r.stdout, 'one-line.txt')).toMatch(/有段落超过 200000 个字符/);
    const small = runCli(['one-line.txt', 'fine.txt', '--max-file-size', '1', '--format', 'compact'], { cwd: dir });
    expect(lineFor(small.stdout, 'one-line.txt')).toMatch(/文件过大（20 MB，上限 1 MB；可用 --max-file-size 放宽）/);
  });

  test('a large GB18030 text is decoded, and bounded by the character cap', () => {
    // Node encodes only UTF-8: the GB18030 fixture, repeated (about 9 MB).
    const gb = readFileSync(join(ROOT, 'fixtures/encodings/002-city-report.gb18030.txt'));
    const dir = setUp({ 'big.txt': Buffer.concat(Array.from({ length: Math.ceil((9 * 1024 * 1024) / gb.length) }, () => gb)) });
    const r = runCli(['big.txt', 'fine.txt', '--limit', 'chars=1000000', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lineFor(r.stdout, 'big.txt')).toMatch(/全文超过 1000000 个字符（可用 --limit chars=… 放宽）/);
  });

  test('reading stops at the cap on a device that never ends', async () => {
    if (!existsSync('/dev/zero')) return;
    await expect(readBounded('/dev/zero', 1024 * 1024)).rejects.toMatchObject({ code: 'too-large' });
  });

  test('a 5,000-page PDF: every page counted, the text of the first --limit pdf-pages checked, and said', () => {
    const dir = setUp({ 'long.pdf': pdf(5_000) });
    const r = runCli(['long.pdf', 'fine.txt', '--limit', 'pdf-pages=40', '--format', 'json'], { cwd: dir });
    const file = JSON.parse(r.stdout).files[0];
    expect(file.fatal).toBe(false);
    expect(file.pages).toMatchObject({ count: 5_000, method: 'pdf', exact: true });
    expect(file.messages.map((m: { message: string }) => m.message)).toContain('共 5000 页，只检查了前 40 页的文字（可用 --limit pdf-pages=… 放宽）');
  });

  test('OFD templates that multiply the pages stop at the object cap; 150,000 codes in one object are read', () => {
    const base = (pageCount: number, pageContent: string, template?: string) => {
      const pages = Array.from({ length: pageCount }, (_, i) => `<Page ID="${100 + i}" BaseLoc="Pages/Page_0/Content.xml"/>`).join('');
      const parts = [
        { name: 'OFD.xml', data: '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>' },
        { name: 'Doc_0/Document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="http://www.ofdspec.org/2016"><CommonData><MaxUnitID>9</MaxUnitID><PageArea><PhysicalBox>0 0 210 297</PhysicalBox></PageArea>${template ? '<TemplatePage ID="900" BaseLoc="Tpls/Tpl_0/Content.xml"/>' : ''}</CommonData><Pages>${pages}</Pages></Document>` },
        { name: 'Doc_0/Pages/Page_0/Content.xml', data: `<?xml version="1.0" encoding="UTF-8"?><Page xmlns="http://www.ofdspec.org/2016">${template ? '<Template TemplateID="900"/>' : ''}<Content><Layer ID="1">${pageContent}</Layer></Content></Page>` },
      ];
      if (template) parts.push({ name: 'Doc_0/Tpls/Tpl_0/Content.xml', data: `<Page xmlns="http://www.ofdspec.org/2016"><Content><Layer ID="2">${template}</Layer></Content></Page>` });
      return makeZip(parts);
    };
    const object = (id: number, y: number) => `<TextObject ID="${id}" Boundary="20 ${y} 170 8" Size="5.6"><TextCode X="0" Y="5">内部资料</TextCode></TextObject>`;
    const codes = Array.from({ length: 150_000 }, (_, i) => `<TextCode X="${(i % 30) * 5.6}" Y="${5 + Math.floor(i / 30) * 8}">字</TextCode>`).join('');
    const dir = setUp({
      'templates.ofd': base(3_000, object(1, 30), Array.from({ length: 500 }, (_, i) => object(10 + i, 40 + (i % 200))).join('')),
      'codes.ofd': base(1, `<TextObject ID="1" Boundary="20 20 170 250" Size="5.6">${codes}</TextObject>`),
    });
    const r = runCli(['templates.ofd', 'codes.ofd', 'fine.txt', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lineFor(r.stdout, 'templates.ofd')).toMatch(/页面上的文字对象（含模板）超过 1000000 个（可用 --limit ofd-objects=… 放宽）/);
    expect(r.stdout).not.toMatch(/^codes\.ofd:1:1: 错误/m);
  });
});

describe('linear code: input-sized work never recurses or spreads', () => {
  test('130,000 unpaired quotes are reported, not a stack overflow', () => {
    const dir = setUp({ 'quotes.txt': `关于工作的通知\n${'“'.repeat(130_000)}\n` });
    const r = runCli(['quotes.txt', 'fine.txt', '--format', 'json', '--no-config'], { cwd: dir });
    const [quotes] = JSON.parse(r.stdout).files;
    expect(quotes.fatal).toBe(false);
    expect(quotes.messages.filter((m: { ruleId: string }) => m.ruleId === 'punctuation')).toHaveLength(130_000);
    expect(r.stdout).not.toMatch(/运行出错/);
  });

  test('20,000 inline controls over 20,000 findings in Markdown', () => {
    const lines = ['# 关于工作的通知'];
    for (let i = 0; i < 20_000; i++) lines.push(i % 2 ? '每年不超过次。' : `<!-- wenfeng-disable-next-line ${i % 4 ? 'typo' : 'placeholder'} -->`);
    const dir = setUp({ 'controls.md': `${lines.join('\n')}\n` });
    const r = runCli(['controls.md', '--format', 'json', '--no-config'], { cwd: dir });
    const [file] = JSON.parse(r.stdout).files;
    // Every other placeholder finding is silenced (those whose comment names placeholder).
    expect(file.messages.filter((m: { ruleId: string }) => m.ruleId === 'placeholder')).toHaveLength(5_000);
  });

  test('annotate: 1,050 overlapping findings over one 60,000-character paragraph give a copy of bounded size, with a note', () => {
    const text = '基层减负工作要抓实抓细。'.repeat(5_000);
    const plugin = `export default { rules: { spans: { meta: { id: 'spans', description: { zh: '重叠', en: 'overlap' }, defaultSeverity: 'warning' }, check(doc, ctx) { const p = doc.paragraphs.find((q) => q.text.length > 1000); if (p) for (let i = 0; i < 1050; i++) ctx.report({ paragraph: p, start: i * 7, end: i * 7 + 3000, message: '重叠 ' + i }); } } } };\n`;
    const dir = setUp({ 'big.docx': docx(para('关于工作的通知') + para(text)), 'p.mjs': plugin, '.wenfengrc.json': JSON.stringify({ plugins: ['./p.mjs'] }) });
    const r = runCli(['annotate', 'big.docx', '-o', 'out.docx'], { cwd: dir });
    expect(r.code, r.stderr).not.toBe(2);
    const size = statSync(join(dir, 'out.docx')).size;
    expect(size).toBeLessThan(statSync(join(dir, 'big.docx')).size * 4 + 2 * 1024 * 1024);
    expect(r.stdout + r.stderr).toMatch(/已写入 out\.docx：1000 条问题批注/);
  });
});

describe('honest damage: impossible values are said, never passed in silence', () => {
  test('a PDF with /Count -5 (or 0) is damaged: no negative page count, no silent skip of its text', () => {
    const dir = setUp({ 'negative.pdf': pdf(3, -5), 'zero.pdf': pdf(3, 0) });
    const r = runCli(['negative.pdf', 'zero.pdf', 'fine.txt', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lineFor(r.stdout, 'negative.pdf')).toBe('negative.pdf:1:1: 错误 文件已损坏：PDF 记录的页数（-5）无效，也打不开第 1 页 [fatal]');
    expect(lineFor(r.stdout, 'zero.pdf')).toBe('zero.pdf:1:1: 错误 文件已损坏：PDF 记录的页数（0）无效，也打不开第 1 页 [fatal]');
  });

  test('a .doc whose piece table points outside its stream is damaged', () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'fixtures/legacy/002-city-report.doc')));
    const file = new CompoundFile(bytes);
    const word = file.stream('WordDocument')!;
    const dv = new DataView(word.buffer, word.byteOffset, word.byteLength);
    const table = file.stream(dv.getUint16(0x0a, true) & 0x0200 ? '1Table' : '0Table')!;
    const fcClx = dv.getUint32(0x1a2, true);
    let p = fcClx;
    while (table[p] === 0x01) p += 3 + new DataView(table.buffer, table.byteOffset).getInt16(p + 1, true);
    // The first piece's file offset, found in the file by its surrounding bytes and pointed past the end.
    const n = (new DataView(table.buffer, table.byteOffset).getUint32(p + 1, true) - 4) / 12;
    const pcd = p + 5 + (n + 1) * 4;
    const needle = table.subarray(p, pcd + 8);
    const at = Buffer.from(bytes).indexOf(Buffer.from(needle));
    expect(at).toBeGreaterThan(0);
    new DataView(bytes.buffer).setUint32(at + (pcd - p) + 2, 0x3ffffff0, true);
    const dir = setUp({ 'pieces.doc': bytes });
    const r = runCli(['pieces.doc', 'fine.txt', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lineFor(r.stdout, 'pieces.doc')).toBe('pieces.doc:1:1: 错误 文件已损坏：Word 正文片段表（piece table）无效或指向文件之外 [fatal]');
  });

  test('an unparsable styles.xml or numbering.xml is a warning, and the text is still checked', () => {
    const dir = setUp({
      'styles.docx': docx(para('关于工作的通知') + para('每年不超过次。'), { styles: `<w:styles xmlns:w="${W}"><w:style w:styleId="a"></w:style><oops></w:styles>` }),
      'numbering.docx': docx(para('关于工作的通知') + para('每年不超过次。'), { numbering: `<w:numbering xmlns:w="${W}"><w:abstractNum>` }),
    });
    const r = runCli(['styles.docx', 'numbering.docx', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^styles\.docx:1:1: 警告 文件已损坏：word\/styles\.xml 不是合法的 XML（.+）；样式按默认处理，页数估算可能偏差 \[fatal\]$/m);
    expect(r.stdout).toMatch(/^numbering\.docx:1:1: 警告 文件已损坏：word\/numbering\.xml 不是合法的 XML（.+）；列表编号未能生成 \[fatal\]$/m);
    expect(r.stdout).toMatch(/^styles\.docx:2:\d+: 错误 数字空缺/m);
  });
});
