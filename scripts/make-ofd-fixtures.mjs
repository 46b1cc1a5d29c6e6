// Makes fixtures/ofd/: OFD documents (GB/T 33190-2016) laid out from text the way GB/T 9704 sets
// a 公文 — A4, text block 156 × 225 mm from 28 mm left / 37 mm top, body 16 pt (5.6 mm) on a grid
// of 28 characters × 22 lines, first-line indent of two characters, justified lines, the title in
// 22 pt centred over one empty line, page numbers "— N —" below the block.
//
//   node scripts/make-ofd-fixtures.mjs
//
// Plain Node: the XML parts are written by hand following the standard's structure (OFD.xml →
// Doc_0/Document.xml → Pages/Page_N/Content.xml, PublicRes.xml for fonts) and zipped by wenfeng's own
// writer (src/zip/write.ts, built to dist/zip-write.js: run `npm run build` first). Output is
// byte-for-byte reproducible: a fixed date, deflate level 9.
//
// Files (and what each exercises in the reader):
//   002-city-report.ofd  multi-page seed; one TextObject per line; DeltaX runs compressed with "g"
//   000-moj-jianfu.ofd   multi-page seed; one TextObject per line; DeltaX written out in full
//   one-page-notice.ofd  one page; title in DocInfo (and set at body size, so only DocInfo names it);
//                        no namespace prefix; one TextObject per paragraph, X/Y left out where the
//                        previous TextCode's value holds, one TextCode running over two lines with
//                        DeltaY; DeltaX all "g"-compressed. Its text is one-page-notice.txt.
//   manifest.json        each file's source text and page count, for the tests.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeZip } from '../dist/zip-write.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'fixtures', 'ofd');
const NS = 'http://www.ofdspec.org/2016';
const FIXED_DATE = new Date(2024, 4, 20); // the files' timestamps: 2024-05-20 00:00

// ---- page geometry (mm) ---------------------------------------------------------------------
const PAGE = { width: 210, height: 297 };
const BLOCK = { left: 28, top: 37, width: 156, height: 225, lines: 22 };
const PITCH = BLOCK.height / BLOCK.lines; // 10.227 mm between baselines
const BODY = { size: 5.6, advance: BLOCK.width / 28 }; // 16 pt; 28 full-width cells a line
const TITLE = { size: 7.76, advance: 7.76 }; // 22 pt
const FOLIO = { size: 4.94 }; // 14 pt page number
const FONTS = { body: 1, title: 2, heading: 3, folio: 4 };

/** Full-width cells a character takes, as src/layout/text-pages.ts counts them. */
const cells = (ch) => (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1);
const num = (n) => String(Math.round(n * 1000) / 1000);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A DeltaX list; with `compress`, runs of three or more equal values become "g N v". */
function deltaList(values, compress) {
  const parts = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j < values.length && num(values[j]) === num(values[i])) j++;
    if (compress && j - i >= 3) parts.push(`g ${j - i} ${num(values[i])}`);
    else for (let k = i; k < j; k++) parts.push(num(values[k]));
    i = j;
  }
  return parts.join(' ');
}

/**
 * Breaks a paragraph into lines: { glyphs, indent (mm), deltas }. Full lines are justified to the
 * block's right edge; the last line keeps its natural spacing.
 */
function breakParagraph(text, { advance, indentCells, width = BLOCK.width }) {
  const glyphs = Array.from(text);
  const lines = [];
  let i = 0;
  let first = true;
  while (i < glyphs.length) {
    const indent = first ? indentCells * BODY.advance : 0;
    const room = width - indent;
    let used = 0;
    let j = i;
    while (j < glyphs.length && used + cells(glyphs[j]) * advance <= room + 1e-6) used += cells(glyphs[j++]) * advance;
    // Latin words wrap whole, as Word and WPS wrap them (Chinese may break between any two characters).
    if (j < glyphs.length && /[A-Za-z]/.test(glyphs[j]) && /[A-Za-z]/.test(glyphs[j - 1] ?? '')) {
      let k = j;
      while (k > i && /[A-Za-z]/.test(glyphs[k - 1])) k--;
      if (k > i) {
        for (let m = k; m < j; m++) used -= cells(glyphs[m]) * advance;
        j = k;
      }
    }
    if (j === i) j = i + 1; // a glyph wider than the line: put it there anyway
    const line = glyphs.slice(i, j);
    const natural = line.map((g) => cells(g) * advance);
    const last = j >= glyphs.length;
    const extra = !last && line.length > 1 ? (room - used) / (line.length - 1) : 0;
    lines.push({ glyphs: line, indent, deltas: natural.slice(0, -1).map((d) => d + extra), width: used + extra * (line.length - 1) });
    i = j;
    first = false;
  }
  return lines;
}

/** Splits a title into balanced lines of at most 20 full-width cells, each centred. */
function breakTitle(text) {
  const glyphs = Array.from(text);
  const total = glyphs.reduce((s, g) => s + cells(g), 0);
  const count = Math.ceil(total / (BLOCK.width / TITLE.advance));
  const target = total / count;
  const lines = [];
  let line = [];
  let used = 0;
  for (const g of glyphs) {
    if (used + cells(g) > target + 0.5 && lines.length < count - 1) {
      lines.push(line);
      line = [];
      used = 0;
    }
    line.push(g);
    used += cells(g);
  }
  lines.push(line);
  return lines.map((l) => {
    const width = l.reduce((s, g) => s + cells(g) * TITLE.advance, 0);
    return { glyphs: l, indent: (BLOCK.width - width) / 2, deltas: l.slice(0, -1).map((g) => cells(g) * TITLE.advance), width };
  });
}

// ---- laying a document out into pages of placed lines ---------------------------------------

/**
 * Pages of lines: { slot, font, size, indent, glyphs, deltas, paragraph }. A slot is one of the
 * 22 grid lines of a page. `paragraphs` are { text, role: 'title'|'body'|'heading'|'flush'|'right' }.
 */
function layOut(paragraphs, { titleSize = TITLE }) {
  const pages = [[]];
  let slot = 0;
  const place = (line, font, size, paragraph) => {
    if (slot >= BLOCK.lines) {
      pages.push([]);
      slot = 0;
    }
    pages[pages.length - 1].push({ ...line, slot, font, size, paragraph });
    slot++;
  };
  paragraphs.forEach((p, index) => {
    if (p.role === 'title') {
      const lines = titleSize === TITLE ? breakTitle(p.text) : breakParagraph(p.text, { advance: BODY.advance, indentCells: 0 }).map(centre);
      for (const line of lines) place(line, FONTS.title, titleSize.size, index);
      slot++; // one empty line after the title
      return;
    }
    if (p.role === 'gap') {
      slot++;
      return;
    }
    if (p.role === 'right') {
      // 署名 and date: right-aligned, `p.rightCells` cells in from the right edge.
      const [line] = breakParagraph(p.text, { advance: BODY.advance, indentCells: 0 });
      place({ ...line, indent: BLOCK.width - line.width - p.rightCells * BODY.advance }, FONTS.body, BODY.size, index);
      return;
    }
    const indentCells = p.role === 'flush' ? 0 : 2;
    const font = p.role === 'heading' ? FONTS.heading : FONTS.body;
    for (const line of breakParagraph(p.text, { advance: BODY.advance, indentCells })) place(line, font, BODY.size, index);
  });
  return pages;
}

function centre(line) {
  return { ...line, indent: (BLOCK.width - line.width) / 2 };
}

/** GB/T 9704 7.2.4-ish roles for a seed's lines: line 1 the title, "一、…" short lines headings. */
function rolesOfSeed(lines) {
  return lines.map((text, i) => ({
    text,
    role: i === 0 ? 'title' : /^[一二三四五六七八九十]+、/.test(text) && Array.from(text).length <= 26 ? 'heading' : 'body',
  }));
}

// ---- XML parts ------------------------------------------------------------------------------

function docId(name) {
  return createHash('sha1').update(name).digest('hex').slice(0, 32);
}

function ofdXml({ name, title, prefix }) {
  const p = prefix ? 'ofd:' : '';
  const xmlns = prefix ? `xmlns:ofd="${NS}"` : `xmlns="${NS}"`;
  const info = [
    `<${p}DocID>${docId(name)}</${p}DocID>`,
    title ? `<${p}Title>${esc(title)}</${p}Title>` : '',
    `<${p}Author>wenfeng fixtures</${p}Author>`,
    `<${p}CreationDate>2024-05-20</${p}CreationDate>`,
    `<${p}Creator>make-ofd-fixtures.mjs</${p}Creator>`,
  ].join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}OFD ${xmlns} Version="1.0" DocType="OFD"><${p}DocBody><${p}DocInfo>${info}</${p}DocInfo><${p}DocRoot>Doc_0/Document.xml</${p}DocRoot></${p}DocBody></${p}OFD>\n`;
}

function documentXml({ pageCount, prefix, maxId }) {
  const p = prefix ? 'ofd:' : '';
  const xmlns = prefix ? `xmlns:ofd="${NS}"` : `xmlns="${NS}"`;
  const pages = Array.from({ length: pageCount }, (_, i) => `<${p}Page ID="${100 + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${p}Document ${xmlns}><${p}CommonData><${p}MaxUnitID>${maxId}</${p}MaxUnitID>` +
    `<${p}PageArea><${p}PhysicalBox>0 0 ${PAGE.width} ${PAGE.height}</${p}PhysicalBox></${p}PageArea>` +
    `<${p}PublicRes>PublicRes.xml</${p}PublicRes></${p}CommonData><${p}Pages>${pages}</${p}Pages></${p}Document>\n`
  );
}

function publicResXml({ prefix }) {
  const p = prefix ? 'ofd:' : '';
  const xmlns = prefix ? `xmlns:ofd="${NS}"` : `xmlns="${NS}"`;
  const fonts = [
    [FONTS.body, '仿宋_GB2312', '仿宋'],
    [FONTS.title, '方正小标宋简体', '方正小标宋简体'],
    [FONTS.heading, '黑体', '黑体'],
    [FONTS.folio, '宋体', '宋体'],
  ]
    .map(([id, name, family]) => `<${p}Font ID="${id}" FontName="${name}" FamilyName="${family}"/>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}Res ${xmlns} BaseLoc="Res"><${p}Fonts>${fonts}</${p}Fonts></${p}Res>\n`;
}

const baselineOf = (slot) => BLOCK.top + slot * PITCH + 0.75 * PITCH;

/** One TextObject per line (the common producer output). */
function lineObjects(lines, ids, { compress }) {
  return lines
    .map((line) => {
      const top = BLOCK.top + line.slot * PITCH;
      const deltas = line.deltas.length > 0 ? ` DeltaX="${deltaList(line.deltas, compress)}"` : '';
      return (
        `<ofd:TextObject ID="${ids.next()}" Boundary="${num(BLOCK.left)} ${num(top)} ${num(BLOCK.width)} ${num(PITCH)}" Font="${line.font}" Size="${num(line.size)}">` +
        `<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="${num(line.indent)}" Y="${num(baselineOf(line.slot) - top)}"${deltas}>${esc(line.glyphs.join(''))}</ofd:TextCode></ofd:TextObject>`
      );
    })
    .join('');
}

/**
 * One TextObject per paragraph, one TextCode per line, X/Y left out where the previous TextCode's
 * value holds; the paragraph `mergeParagraph` has its first two lines in one TextCode (the pen goes
 * back with a negative DeltaX and down with DeltaY, as some producers write wrapped text).
 */
function paragraphObjects(lines, ids, { mergeParagraph }) {
  const byParagraph = new Map();
  for (const line of lines) {
    if (!byParagraph.has(line.paragraph)) byParagraph.set(line.paragraph, []);
    byParagraph.get(line.paragraph).push(line);
  }
  const objects = [];
  for (const [paragraph, group] of byParagraph) {
    const top = BLOCK.top + group[0].slot * PITCH;
    const height = (group.at(-1).slot - group[0].slot + 1) * PITCH;
    const codes = [];
    let lastX;
    let k = 0;
    while (k < group.length) {
      const line = group[k];
      const x = num(line.indent);
      const y = num(baselineOf(line.slot) - top);
      const xAttr = x === lastX ? '' : ` X="${x}"`;
      lastX = x;
      if (paragraph === mergeParagraph && k === 0 && group.length > 1) {
        const next = group[1];
        // From the last glyph of line 1 back to the start of line 2, and one pitch down.
        const endOfFirst = line.indent + line.deltas.reduce((s, d) => s + d, 0);
        const back = next.indent - endOfFirst;
        const dx = [...line.deltas, back, ...next.deltas];
        const dy = [...line.deltas.map(() => 0), PITCH, ...next.deltas.map(() => 0)];
        codes.push(`<ofd:TextCode${xAttr} Y="${y}" DeltaX="${deltaList(dx, true)}" DeltaY="${deltaList(dy, true)}">${esc([...line.glyphs, ...next.glyphs].join(''))}</ofd:TextCode>`);
        lastX = undefined;
        k += 2;
        continue;
      }
      const deltas = line.deltas.length > 0 ? ` DeltaX="${deltaList(line.deltas, true)}"` : '';
      codes.push(`<ofd:TextCode${xAttr} Y="${y}"${deltas}>${esc(line.glyphs.join(''))}</ofd:TextCode>`);
      k++;
    }
    objects.push(
      `<ofd:TextObject ID="${ids.next()}" Boundary="${num(BLOCK.left)} ${num(top)} ${num(BLOCK.width)} ${num(height)}" Font="${group[0].font}" Size="${num(group[0].size)}">${codes.join('')}</ofd:TextObject>`,
    );
  }
  return objects.join('');
}

function folioObject(pageNumber, ids, prefix) {
  const p = prefix ? 'ofd:' : '';
  const glyphs = Array.from(`— ${pageNumber} —`);
  const deltas = glyphs.slice(0, -1).map((g) => cells(g) * FOLIO.size);
  const width = deltas.reduce((s, d) => s + d, 0) + FOLIO.size;
  const top = BLOCK.top + BLOCK.height + 7;
  return (
    `<${p}TextObject ID="${ids.next()}" Boundary="${num((PAGE.width - width) / 2)} ${num(top)} ${num(width)} 6" Font="${FONTS.folio}" Size="${num(FOLIO.size)}">` +
    `<${p}TextCode X="0" Y="4.3" DeltaX="${deltaList(deltas, false)}">${esc(glyphs.join(''))}</${p}TextCode></${p}TextObject>`
  );
}

function contentXml(body, { prefix }) {
  const p = prefix ? 'ofd:' : '';
  const xmlns = prefix ? `xmlns:ofd="${NS}"` : `xmlns="${NS}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}Page ${xmlns}><${p}Content><${p}Layer ID="2" Type="Body">${body}</${p}Layer></${p}Content></${p}Page>\n`;
}

/** Builds one .ofd: returns its bytes and page count. */
function buildOfd(name, paragraphs, { title, prefix = true, style = 'lines', compress = true, titleSize = TITLE, mergeParagraph = -1 }) {
  const pages = layOut(paragraphs, { titleSize });
  let id = 10;
  const ids = { next: () => id++ };
  const entries = [];
  const pageParts = pages.map((lines, i) => {
    const text = style === 'lines' ? lineObjects(lines, ids, { compress }) : paragraphObjects(lines, ids, { mergeParagraph });
    const body = (prefix ? text : text.replace(/<(\/?)ofd:/g, '<$1')) + folioObject(i + 1, ids, prefix);
    return { name: `Doc_0/Pages/Page_${i}/Content.xml`, data: contentXml(body, { prefix }) };
  });
  entries.push({ name: 'OFD.xml', data: ofdXml({ name, title, prefix }) });
  entries.push({ name: 'Doc_0/Document.xml', data: documentXml({ pageCount: pages.length, prefix, maxId: id }) });
  entries.push({ name: 'Doc_0/PublicRes.xml', data: publicResXml({ prefix }) });
  entries.push(...pageParts);
  return { bytes: writeZip(entries, { date: FIXED_DATE, level: 9 }), pages: pages.length };
}

// ---- the fixtures ---------------------------------------------------------------------------

const NOTICE = [
  { text: '关于做好2024年汛期安全防范工作的通知', role: 'title' },
  { text: '各区县人民政府，市政府各部门：', role: 'flush' },
  { text: '入汛以来，我市降雨明显偏多，部分河道水位超过警戒线。为切实做好汛期安全防范工作，保障人民群众生命财产安全，现就有关事项通知如下。', role: 'body' },
  { text: '一、压实防汛责任', role: 'heading' },
  { text: '各区县要高度重视防汛工作，严格落实以行政首长负责制为核心的防汛责任制，明确每一座水库、每一段堤防的“三个责任人”，将责任落实到具体岗位和具体人员。', role: 'body' },
  { text: '二、加强隐患排查', role: 'heading' },
  { text: '各地要组织力量对辖区内的水库、河道和地质灾害隐患点开展拉网式排查,对排查出的隐患要建立台账、限期整改。截至目前，全市已排查隐患点共个。', role: 'body' },
  { text: '三、做好应急准备', role: 'heading' },
  { text: '各级防汛指挥机构要严格执行24小时值班和领导带班制度，确保信息畅通。遇有重大险情，要在第一时间报告市防汛抗旱指挥部办公室，不得迟报、漏报、瞒报。', role: 'body' },
  { text: '', role: 'gap' },
  { text: '云川市人民政府办公室', role: 'right', rightCells: 4 },
  { text: '2024年5月20日', role: 'right', rightCells: 4 },
];

const seedLines = (name) => readFileSync(join(root, 'fixtures', 'seeds', `${name}.txt`), 'utf8').split('\n').filter((l) => l !== '');

mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) if (/\.(ofd|json)$/.test(name) || name === 'one-page-notice.txt') rmSync(join(out, name));

const manifest = [];
const write = (file, built, source) => {
  writeFileSync(join(out, file), built.bytes);
  manifest.push({ file, source, pages: built.pages });
};

write('002-city-report.ofd', buildOfd('002-city-report', rolesOfSeed(seedLines('002-city-report')), { compress: true }), 'fixtures/seeds/002-city-report.txt');
write('000-moj-jianfu.ofd', buildOfd('000-moj-jianfu', rolesOfSeed(seedLines('000-moj-jianfu')), { compress: false }), 'fixtures/seeds/000-moj-jianfu.txt');

const noticeText = NOTICE.filter((p) => p.role !== 'gap').map((p) => p.text);
writeFileSync(join(out, 'one-page-notice.txt'), `${noticeText.join('\n')}\n`);
write(
  'one-page-notice.ofd',
  buildOfd('one-page-notice', NOTICE, { title: NOTICE[0].text, prefix: false, style: 'paragraphs', titleSize: BODY, mergeParagraph: 4 }),
  'fixtures/ofd/one-page-notice.txt',
);
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const m of manifest) console.log(`fixtures/ofd/${m.file}: ${m.pages} page(s) from ${m.source}`);
