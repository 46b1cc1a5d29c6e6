#!/usr/bin/env node
// Bench inputs, generated into bench/.inputs/ (gitignored) and cached there between runs:
//
//   docx-{2,10,60}p.docx, pdf-{2,10,60,300}p.pdf   one long draft each, GB/T 9704 layout, LibreOffice-made
//   stdin-2000.txt                                  a 2,000-character draft (start-up case)
//   scale-1x.txt, scale-10x.txt                     a ~5,000-character draft, and the same text 10 times
//   tiny.txt                                        a one-paragraph draft (the "start-up floor" of the scale case)
//   corpus/                                         1,000 drafts: 400 .txt, 100 .md, 300 .docx, 200 .pdf (1–4 pages)
//
//   node bench/make-inputs.mjs [--force] [--corpus <n>]
//
// The text is our own: the paragraphs, headings and closings of fixtures/good/*.txt (written for this
// project), re-ordered, re-numbered and with their counts varied by a seeded PRNG, so every draft is
// different but reads like a 公文. The layout (.fodt → soffice) is the one scripts/make-fixtures.mjs uses.
// Page counts of the long drafts are checked with pdfinfo and the text length is adjusted until the
// LibreOffice PDF has exactly the pages asked for (300 pages: within ±2%).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fodt as fodtFixture, fontsConf } from '../scripts/make-fixtures.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
export const INPUTS = path.join(BENCH, '.inputs');
const SOFFICE = process.env.SOFFICE ?? 'soffice';
const GENERATOR_VERSION = 4; // bump to regenerate everything
export const CORPUS_SIZE = 1000;

// ---------------------------------------------------------------------------------------------
// Text

/** mulberry32: a small seeded PRNG, so inputs are the same on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, arr) => arr[Math.floor(r() * arr.length)];

const H1 = /^[一二三四五六七八九十]+、/u;
const H2 = /^（[一二三四五六七八九十]+）/u;
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cnNum = (n) => (n <= 10 ? CN[n - 1] : n < 20 ? `十${CN[n - 11]}` : `${CN[Math.floor(n / 10) - 1]}十${n % 10 ? CN[(n % 10) - 1] : ''}`);

function loadPool() {
  const dir = path.join(ROOT, 'fixtures', 'good');
  const h1 = [], h2 = [], body = [], runIn = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const lines = fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean);
    // Line 0 title, 1 recipient, 2 opening; the last 3: 特此…, signature, date.
    for (const l of lines.slice(3, -3)) {
      if (H1.test(l)) h1.push(l.replace(H1, ''));
      else if (H2.test(l)) {
        const rest = l.replace(H2, '');
        // "（一）市数据局负责…" is a run-in heading paragraph; "（一）自查登记" a heading line.
        if (/[。；]/u.test(rest)) runIn.push(rest); else h2.push(rest);
      } else if (l.length >= 30) body.push(l);
    }
  }
  return { h1, h2, body, runIn };
}
const POOL = loadPool();
const CITIES = ['云川市', '青溪市', '临江市', '白河市', '南屏市', '安澜市', '长汀市', '松岭市'];
const TOPICS = [
  ['关于2024年上半年精简文件会议工作情况的报告', '报告', '省人民政府办公厅：'],
  ['关于开展政务移动应用程序和工作群清理整合的通知', '通知', '各区县人民政府，市政府各部门，各直属机构：'],
  ['关于整治形式主义为基层减负工作情况的报告', '报告', '省人民政府办公厅：'],
  ['关于进一步规范督查检查考核工作的通知', '通知', '各区县人民政府，市政府各部门：'],
  ['关于统筹规范基层填表报数工作的通知', '通知', '各区县人民政府，市政府各部门，各直属机构：'],
];
const COUNTER = /(\d+)(?=(?:\.\d)?(?:个|件|项|人次|人|份|次|分钟|页|家|名|条|日内|%|处|批))/gu;

/** A paragraph from the pool, its city and its counts varied. */
function vary(r, text, city) {
  return text
    .replace(/云川市/gu, city)
    .replace(COUNTER, (m) => String(Math.max(1, Math.round(Number(m) * (0.5 + r())))));
}

/**
 * A draft of about `chars` characters (no whitespace counted): title, 主送机关, an opening,
 * numbered sections of headings and body paragraphs, closing, signature, date. Lines = paragraphs.
 */
export function draft(seed, chars) {
  const r = rng(seed);
  const city = pick(r, CITIES);
  const [topic, kind, recipient] = pick(r, TOPICS);
  const office = `${city}人民政府办公室`;
  const lines = [`${office}${topic}`, recipient,
    kind === '报告' ? `按照省政府办公厅的要求，现将我市有关工作情况报告如下。` : `为切实减轻基层负担，经市政府同意，现将有关事项通知如下：`];
  let n = lines.join('').length;
  let sec = 0;
  const closing = [kind === '报告' ? '特此报告。' : '特此通知。', office, `2024年${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日`];
  const closingLen = closing.join('').length;
  while (n + closingLen < chars) {
    sec++;
    const h1 = `${cnNum(sec)}、${pick(r, POOL.h1)}`;
    lines.push(h1); n += h1.length;
    const subs = 1 + Math.floor(r() * 4);
    for (let s = 1; s <= subs && n + closingLen < chars; s++) {
      if (r() < 0.35) {
        const p = `（${cnNum(s)}）${vary(r, pick(r, POOL.runIn), city)}`;
        lines.push(p); n += p.length;
        continue;
      }
      const h2 = `（${cnNum(s)}）${pick(r, POOL.h2)}`;
      lines.push(h2); n += h2.length;
      const paras = 1 + Math.floor(r() * 3);
      for (let k = 0; k < paras && n + closingLen < chars; k++) {
        const p = vary(r, pick(r, POOL.body), city);
        lines.push(p); n += p.length;
      }
    }
  }
  lines.push(...closing);
  return lines;
}

/** Exactly `chars` characters (newlines not counted), cut at the end of the last paragraph. */
function draftExact(seed, chars) {
  const lines = draft(seed, chars + 200).slice(0, -3);
  const out = [];
  let n = 0;
  for (const l of lines) {
    if (n + l.length >= chars) { out.push(l.slice(0, chars - n - 1) + '。'); n = chars; break; }
    out.push(l); n += l.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Flat ODT, as scripts/make-fixtures.mjs writes it (GB/T 9704: A4, 37/26/28/35 mm, 22 lines × 28 chars)

// The drafts are laid out exactly as the test fixtures are: the same GB/T 9704 .fodt writer.
const fodt = (lines) => fodtFixture(lines, { titleIndex: 0, docTitle: lines[0] });

// ---------------------------------------------------------------------------------------------
// LibreOffice

let env;
function sofficeEnv(tmp) {
  if (!env) {
    const conf = path.join(tmp, 'fonts.conf');
    fs.writeFileSync(conf, fontsConf());
    env = { ...process.env, FONTCONFIG_FILE: conf, SAL_USE_VCLPLUGIN: 'svp', LC_ALL: 'C.UTF-8', TZ: 'UTC' };
  }
  return env;
}
/** Converts .fodt files to `target` ('docx' | 'pdf') into outdir, in batches (one soffice per batch). */
function convert(files, target, outdir, tmp) {
  const filter = target === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf:writer_pdf_Export';
  for (let i = 0; i < files.length; i += 200) {
    const profile = fs.mkdtempSync(path.join(tmp, 'lo-'));
    try {
      execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore',
        '--convert-to', filter, '--outdir', outdir, ...files.slice(i, i + 200)],
      { env: sofficeEnv(tmp), stdio: ['ignore', 'pipe', 'pipe'], timeout: 900_000, maxBuffer: 64 << 20 });
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }
}
function pdfPages(file) {
  const m = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file]).toString('utf8'));
  if (!m) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(m[1]);
}

// ---------------------------------------------------------------------------------------------
// Main

const LONG = [2, 10, 60, 300]; // pages; 300 only as PDF (peak-memory case)
const nonWs = (lines) => lines.join('').replace(/\s+/gu, '').length;

/** Makes one long draft with `pages` pages in the LibreOffice PDF; returns { lines, pages, chars }. */
function makeLong(pages, tmp, log) {
  const seed = 1000 + pages;
  let chars = pages * 470;
  let best;
  for (let attempt = 0; attempt < 8; attempt++) {
    const lines = draft(seed, chars);
    const src = path.join(tmp, `long-${pages}p.fodt`);
    fs.writeFileSync(src, fodt(lines));
    convert([src], 'pdf', tmp, tmp);
    const got = pdfPages(path.join(tmp, `long-${pages}p.pdf`));
    log(`  ${pages}-page draft: ${nonWs(lines)} chars → ${got} pages`);
    best = { lines, pages: got, chars: nonWs(lines), src };
    const tolerance = pages >= 300 ? Math.ceil(pages * 0.02) : 0;
    if (Math.abs(got - pages) <= tolerance) break;
    // Proportional step, aiming at the middle of the last page.
    chars = Math.round(chars * (pages - 0.5) / Math.max(got - 0.5, 0.5));
  }
  return best;
}

/** The manifest of bench/.inputs if it is current and has at least `corpusSize` drafts. */
export function inputsReady(corpusSize = CORPUS_SIZE) {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(INPUTS, 'manifest.json'), 'utf8'));
    return m.version === GENERATOR_VERSION && m.sourceHash === sourceHash() && m.corpus?.files >= corpusSize ? m : undefined;
  } catch {
    return undefined;
  }
}
function sourceHash() {
  const h = createHash('sha256');
  h.update(fs.readFileSync(fileURLToPath(import.meta.url)));
  for (const f of fs.readdirSync(path.join(ROOT, 'fixtures', 'good')).filter((x) => x.endsWith('.txt')).sort()) {
    h.update(fs.readFileSync(path.join(ROOT, 'fixtures', 'good', f)));
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * Generates everything (or reuses bench/.inputs when the generator and its text are unchanged and the
 * corpus is big enough). `corpusSize` below 1,000 (bench --quick) makes only that many drafts.
 */
export function makeInputs({ force = false, corpusSize = CORPUS_SIZE, log = (...a) => console.error(...a) } = {}) {
  if (!force) {
    const ready = inputsReady(corpusSize);
    if (ready) return ready;
  }
  for (const cmd of [SOFFICE, 'pdfinfo']) {
    if (spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status !== 0) throw new Error(`${cmd} is needed to make the bench inputs`);
  }
  const t0 = Date.now();
  fs.rmSync(INPUTS, { recursive: true, force: true });
  fs.mkdirSync(path.join(INPUTS, 'corpus'), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wenfeng-bench-'));
  const manifest = { version: GENERATOR_VERSION, sourceHash: sourceHash(), long: {}, texts: {}, corpus: {} };
  try {
    log('bench inputs: long drafts (LibreOffice, page counts checked with pdfinfo)');
    for (const pages of LONG) {
      const d = makeLong(pages, tmp, log);
      const pdf = `pdf-${pages}p.pdf`;
      fs.copyFileSync(path.join(tmp, `long-${pages}p.pdf`), path.join(INPUTS, pdf));
      manifest.long[`pdf-${pages}`] = { file: pdf, pages: d.pages, chars: d.chars, paragraphs: d.lines.length, bytes: fs.statSync(path.join(INPUTS, pdf)).size };
      if (pages < 300) {
        convert([d.src], 'docx', tmp, tmp);
        const docx = `docx-${pages}p.docx`;
        fs.copyFileSync(path.join(tmp, `long-${pages}p.docx`), path.join(INPUTS, docx));
        manifest.long[`docx-${pages}`] = { file: docx, pages: d.pages, chars: d.chars, paragraphs: d.lines.length, bytes: fs.statSync(path.join(INPUTS, docx)).size };
      }
    }

    log('bench inputs: texts');
    const write = (name, lines) => {
      fs.writeFileSync(path.join(INPUTS, name), lines.join('\n') + '\n');
      manifest.texts[name] = { chars: nonWs(lines), paragraphs: lines.length };
    };
    write('stdin-2000.txt', draftExact(7, 2000));
    const base = draft(11, 5000);
    write('scale-1x.txt', base);
    write('scale-10x.txt', Array.from({ length: 10 }, () => base).flat());
    write('tiny.txt', ['云川市人民政府办公室关于开展工作群清理的通知', '各区县人民政府：', '现将有关事项通知如下：请于9月6日前报送联系人。', '云川市人民政府办公室', '2024年8月6日']);

    log(`bench inputs: ${corpusSize} drafts (txt, md, docx, pdf)`);
    const kinds = [];
    for (let i = 0; i < corpusSize; i++) {
      const k = i % 10; // 4 txt, 1 md, 3 docx, 2 pdf in every 10
      kinds.push(k < 4 ? 'txt' : k < 5 ? 'md' : k < 8 ? 'docx' : 'pdf');
    }
    const fodts = { docx: [], pdf: [] };
    const names = [];
    for (let i = 0; i < corpusSize; i++) {
      const r = rng(50_000 + i);
      const lines = draft(50_000 + i, 400 + Math.floor(r() * 1600)); // about 1–4 pages
      const kind = kinds[i];
      const name = `draft-${String(i).padStart(4, '0')}`;
      names.push(`${name}.${kind}`);
      if (kind === 'txt') fs.writeFileSync(path.join(INPUTS, 'corpus', `${name}.txt`), lines.join('\n') + '\n');
      else if (kind === 'md') fs.writeFileSync(path.join(INPUTS, 'corpus', `${name}.md`), `# ${lines[0]}\n\n${lines.slice(1).map((l) => (H1.test(l) && !/[。；]/u.test(l) ? `## ${l}` : l)).join('\n\n')}\n`);
      else {
        const src = path.join(tmp, `${name}.fodt`);
        fs.writeFileSync(src, fodt(lines));
        fodts[kind].push(src);
      }
    }
    convert(fodts.docx, 'docx', path.join(INPUTS, 'corpus'), tmp);
    convert(fodts.pdf, 'pdf', path.join(INPUTS, 'corpus'), tmp);
    const missing = names.filter((n) => !fs.existsSync(path.join(INPUTS, 'corpus', n)));
    if (missing.length) throw new Error(`LibreOffice did not write ${missing.length} corpus files, e.g. ${missing[0]}`);
    const counts = {};
    for (const k of kinds) counts[k] = (counts[k] ?? 0) + 1;
    manifest.corpus = { dir: 'corpus', files: corpusSize, counts };
    manifest.seconds = Math.round((Date.now() - t0) / 1000);
    fs.writeFileSync(path.join(INPUTS, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    log(`bench inputs: done in ${manifest.seconds} s`);
    return manifest;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--corpus');
  const m = makeInputs({ force: process.argv.includes('--force'), corpusSize: at >= 0 ? Number(process.argv[at + 1]) : CORPUS_SIZE });
  console.log(JSON.stringify({ long: m.long, texts: m.texts, corpus: m.corpus, seconds: m.seconds }, null, 2));
}
