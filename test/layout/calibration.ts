// The page estimator measured against known page counts: the generated corpus in fixtures/layout
// (LibreOffice's counts) and the real Word/WPS files in ../shared/calibration and
// ../shared/calibration-tables (the saving program's counts).
// Used by test/layout/accuracy.test.ts and scripts/calibrate.mjs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { layoutDocx } from '../../src/layout/docx/index.js';
import type { DocxLayoutFacts } from '../../src/readers/docx/layout-facts.js';
import { readDocx } from '../../src/readers/docx/index.js';

// WENFENG_ROOT: set by scripts/calibrate.mjs, which runs a bundled copy of this file from elsewhere.
export const ROOT = process.env.WENFENG_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = path.join(ROOT, 'fixtures', 'layout');
export const REAL_DIR = process.env.WENFENG_CALIBRATION ?? path.resolve(ROOT, '..', 'shared', 'calibration');
/** Real Word/WPS files dominated by tables and pictures, with the saving program's counts. */
export const TABLES_DIR = process.env.WENFENG_CALIBRATION_TABLES ?? path.resolve(ROOT, '..', 'shared', 'calibration-tables');

export interface Row {
  set: 'corpus' | 'report' | 'real' | 'tables';
  file: string;
  /** Setup (corpus) or the program that saved it (real files). */
  kind: string;
  /** Layout profile used: word, wps or libreoffice. */
  profile: string;
  truth: number;
  estimate: number;
  diff: number;
  lastPageFill: number;
  /** Real files: LibreOffice's count and the count the saving program recorded. */
  libreoffice?: number;
  saved?: number;
}

export interface Summary {
  files: number;
  exact: number;
  exactRate: number;
  maxError: number;
}

async function estimate(file: string): Promise<{ pages: number; fill: number; profile: string; facts: DocxLayoutFacts }> {
  const bytes = new Uint8Array(readFileSync(file));
  const read = await readDocx(bytes, file, { maxInflatedBytes: 256 * 1024 * 1024 });
  const facts = read.layout as DocxLayoutFacts;
  const result = layoutDocx(facts);
  return { pages: result.pages, fill: result.lastPageFill, profile: result.profile, facts };
}

interface CorpusEntry {
  file: string;
  kind: string;
  libreofficePages: number;
}

/** The generated corpus and the two page-limit reports, against LibreOffice's counts. */
export async function corpusRows(): Promise<Row[]> {
  const data = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'pages.json'), 'utf8')) as { corpus: CorpusEntry[]; reports: CorpusEntry[] };
  const rows: Row[] = [];
  for (const [set, entries] of [['corpus', data.corpus], ['report', data.reports]] as const) {
    for (const e of entries) {
      const est = await estimate(path.join(CORPUS_DIR, e.file));
      rows.push({ set, file: e.file, kind: e.kind, profile: est.profile, truth: e.libreofficePages, estimate: est.pages, diff: est.pages - e.libreofficePages, lastPageFill: est.fill });
    }
  }
  return rows;
}

interface RealEntry {
  file: string;
  wordPages: number;
  libreofficePages: number;
  savedBy: string;
}

/** Real Word/WPS files (REAL_DIR, or TABLES_DIR) against the saving program's counts; undefined when the folder is absent. */
export async function realRows(dir: string = REAL_DIR): Promise<Row[] | undefined> {
  const index = path.join(dir, 'pages.json');
  if (!existsSync(index)) return undefined;
  const entries = JSON.parse(readFileSync(index, 'utf8')) as RealEntry[];
  const rows: Row[] = [];
  for (const e of entries) {
    const est = await estimate(path.join(dir, e.file));
    const grid = est.facts.sections[0]?.docGrid;
    rows.push({
      set: dir === TABLES_DIR ? 'tables' : 'real',
      file: e.file,
      kind: `${e.savedBy}, grid ${grid?.type ?? '?'}`,
      profile: est.profile,
      truth: e.wordPages,
      estimate: est.pages,
      diff: est.pages - e.wordPages,
      lastPageFill: est.fill,
      libreoffice: e.libreofficePages,
      ...(est.facts.savedByProgram !== undefined ? { saved: est.facts.savedByProgram } : {}),
    });
  }
  return rows;
}

export function summarize(rows: Row[]): Summary {
  const exact = rows.filter((r) => r.diff === 0).length;
  return { files: rows.length, exact, exactRate: rows.length ? exact / rows.length : 1, maxError: Math.max(0, ...rows.map((r) => Math.abs(r.diff))) };
}

/** A plain-text table: file, setup, profile, truth, estimate, diff (and LibreOffice's count for real files). */
export function formatTable(rows: Row[], truthLabel: string): string {
  const head = ['file', 'setup', 'profile', truthLabel, 'estimate', 'diff', 'fill', ...(rows.some((r) => r.libreoffice !== undefined) ? ['LibreOffice'] : [])];
  const body = rows.map((r) => [r.file, r.kind, r.profile, String(r.truth), String(r.estimate), r.diff === 0 ? '0' : (r.diff > 0 ? '+' : '') + r.diff, r.lastPageFill.toFixed(2), ...(r.libreoffice !== undefined ? [String(r.libreoffice)] : [])]);
  const width = (s: string): number => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = head.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i] ?? ''))));
  const line = (cells: string[]): string => cells.map((c, i) => c + ' '.repeat((cols[i] ?? 0) - width(c))).join('  ').trimEnd();
  return [line(head), line(cols.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
