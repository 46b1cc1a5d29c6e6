#!/usr/bin/env node
// `npm run accuracy`: recall and precision of the 文风 rules on drafts annotated blind (test/accuracy/,
// marks in ANNOTATION.md), and false alarms on well-edited documents. Runs the built CLI as a user would.
//
//   node scripts/accuracy/run.mjs                  every set but once2, a table per set
//   node scripts/accuracy/run.mjs --sets once2     the set kept for one final measurement (only when named)
//   node scripts/accuracy/run.mjs --sets dev       only these sets (comma-separated)
//   node scripts/accuracy/run.mjs --check          also fail (exit 1) when a figure is below README's, or a rule
//                                                  page's accuracy block differs from the figures now
//   node scripts/accuracy/run.mjs --write-docs     write each rule group's figures into its rule pages
//                                                  (docs/rules/<id>.md, the block between accuracy markers)
//   node scripts/accuracy/run.mjs --json           the figures as JSON
//   node scripts/accuracy/run.mjs --bin <wenfeng.js>  measure another build (e.g. the one before a change)
//   node scripts/accuracy/run.mjs --misses dev     list the misses and false alarms of a set (dev, dev2 or dev3
//                                                  only: the held-out sets are measured, never read for fixes)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarked } from './marks.mjs';
import { matchSet, precisionSetFigures } from './score.mjs';
import { docsMeasurable, staleDocs, writeDocs } from './docs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ACCURACY = path.join(ROOT, 'test/accuracy');
const SETS = ['dev', 'dev2', 'dev3', 'heldout', 'once', 'once2'];
// measured only when named in --sets: a set kept for one measurement, the figure reported at the end
const ON_REQUEST = ['once2'];
// development sets: their misses may be listed and read; the others are measured only
const DEVELOPMENT_SETS = ['dev', 'dev2', 'dev3'];
const GROUP_NAMES = { tao: '套话', typo: 'typos', blank: 'blanks and leftovers', head: 'heading sequence', hfmt: 'heading format' };

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const BIN = path.resolve(opt('--bin') ?? path.join(ROOT, 'bin/wenfeng.js'));
const wanted = (opt('--sets') ?? [...SETS.filter((s) => !ON_REQUEST.includes(s)), 'precision'].join(',')).split(',');
const misses = opt('--misses');
if (misses && !DEVELOPMENT_SETS.includes(misses)) {
  console.error(`--misses lists only the development sets (${DEVELOPMENT_SETS.join(', ')}): the held-out sets are for measuring, not for fitting.`);
  process.exit(2);
}

/** Lints files with the built CLI, every rule on (info included), no config; returns JSON files by path. */
function lint(files) {
  if (files.length === 0) return new Map();
  const r = spawnSync(process.execPath, [BIN, ...files, '--format', 'json', '--no-config'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status === 2 || !r.stdout) throw new Error(`wenfeng failed (exit ${r.status}): ${r.stderr}`);
  return new Map(JSON.parse(r.stdout).files.map((f) => [path.resolve(f.path), f]));
}

/** A marked set: strips the marks into a temporary folder, lints, scores. */
function markedSet(name, tmp) {
  const dir = path.join(ACCURACY, name);
  if (!existsSync(dir)) return undefined;
  const drafts = readdirSync(dir)
    .filter((n) => n.endsWith('.marked.txt'))
    .sort()
    .map((n) => {
      const { text, spans } = parseMarked(readFileSync(path.join(dir, n), 'utf8'));
      const file = path.join(tmp, name, n.replace(/\.marked\.txt$/, '.txt'));
      return { name: n, file, text, spans };
    });
  if (drafts.length === 0) return undefined;
  rmSync(path.join(tmp, name), { recursive: true, force: true });
  mkdirSync(path.join(tmp, name), { recursive: true });
  for (const d of drafts) writeFileSync(d.file, d.text);
  const results = lint(drafts.map((d) => d.file));
  for (const d of drafts) d.result = results.get(path.resolve(d.file));
  return { name, drafts, chars: drafts.reduce((n, d) => n + d.text.replace(/\s/g, '').length, 0), ...matchSet(drafts) };
}

/** The well-edited documents: seeds 000/001/003/004, fixtures/good, and the unmarked precision drafts. */
function precisionSet(tmp) {
  const files = [
    ...['000-moj-jianfu', '001-province-measures-trad', '003-news', '004-regulation'].map((s) => path.join(ROOT, 'fixtures/seeds', `${s}.txt`)),
    ...readdirSync(path.join(ROOT, 'fixtures/good')).filter((n) => n.endsWith('.txt')).map((n) => path.join(ROOT, 'fixtures/good', n)),
  ];
  const dir = path.join(ACCURACY, 'precision');
  if (existsSync(dir)) {
    mkdirSync(path.join(tmp, 'precision'), { recursive: true });
    for (const n of readdirSync(dir).filter((x) => x.endsWith('.marked.txt')).sort()) {
      const { text, spans } = parseMarked(readFileSync(path.join(dir, n), 'utf8'));
      if (spans.length) throw new Error(`${n}: the precision set carries no marks`);
      const file = path.join(tmp, 'precision', n.replace(/\.marked\.txt$/, '.txt'));
      writeFileSync(file, text);
      files.push(file);
    }
  }
  const results = lint(files);
  return precisionSetFigures(files.map((f) => ({ file: f, result: results.get(path.resolve(f)) })));
}

const pct = (x) => (x === null ? '—' : x.toFixed(2));

const tmp = mkdtempSync(path.join(tmpdir(), 'wenfeng-accuracy-'));
const report = { sets: {}, precision: undefined };
try {
  for (const name of SETS.filter((s) => wanted.includes(s))) {
    const set = markedSet(name, tmp);
    if (!set) continue;
    report.sets[name] = { drafts: set.drafts.length, chars: set.chars, groups: set.groups };
    if (misses === name) printMisses(set);
  }
  if (wanted.includes('precision')) report.precision = precisionSet(tmp);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
else printTables(report);

if (args.includes('--write-docs')) {
  if (!docsMeasurable(report)) {
    console.error('--write-docs needs the heldout, once, dev and precision sets (leave out --sets)');
    process.exit(2);
  }
  const changed = writeDocs(ROOT, report);
  console.log(changed.length ? `\nwrote the accuracy block of ${changed.join(', ')}` : '\nevery rule page already has these figures');
}

if (args.includes('--check')) process.exit(checkAgainstReadme(report) & checkDocs(report) ? 0 : 1);

/** The rule pages quote the figures now; measured on fewer sets there is nothing to compare. */
function checkDocs(r) {
  if (!docsMeasurable(r)) return true;
  const stale = staleDocs(ROOT, r);
  for (const line of stale) console.error(`${line} (run: node scripts/accuracy/run.mjs --write-docs)`);
  if (!stale.length) console.log('accuracy: every rule page quotes the figures now');
  return stale.length === 0;
}

function printTables(r) {
  for (const [name, s] of Object.entries(r.sets)) {
    console.log(`\n${name}: ${s.drafts} drafts, ${s.chars} characters`);
    console.log('| group | marked | found | recall | findings | correct | precision |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const [g, f] of Object.entries(s.groups)) {
      console.log(`| ${GROUP_NAMES[g]} | ${f.truth} | ${f.found} | ${pct(f.recall)} | ${f.findings} | ${f.correct} | ${pct(f.precision)} |`);
    }
  }
  const p = r.precision;
  if (p) {
    console.log(`\nprecision set (well-edited): ${p.files} documents, ${p.chars} characters`);
    console.log(`  error-severity findings from placeholder, typo, heading-sequence: ${p.falseErrors}`);
    console.log(`  warnings and errors per 1,000 characters: ${p.perThousand.toFixed(2)} (all rules), ${p.perThousandNoPunct.toFixed(2)} (without punctuation and heading-marker form)`);
    for (const d of p.documents) console.log(`    ${path.basename(d.file)}: ${d.chars} chars, ${d.warnOrError} warnings/errors (${d.byRule})`);
  }
}

function printMisses(set) {
  for (const d of set.drafts) {
    for (const m of d.missed) console.log(`MISS  ${d.name}:${m.line}:${m.column} ${m.group} "${m.text}"${m.correction ? ` → ${m.correction}` : ''}`);
    for (const f of d.falseAlarms) console.log(`FALSE ${d.name}:${f.line}:${f.column} ${f.ruleId} "${f.text}" ${f.message}`);
  }
}

/** README holds the recorded figures between accuracy markers; a lower figure now fails. */
function checkAgainstReadme(r) {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  // The block, not a mention of its markers in the prose: they stand at the start of a line.
  const block = /^<!-- accuracy:begin -->([\s\S]*?)^<!-- accuracy:end -->/m.exec(readme);
  if (!block) {
    console.error('README.md has no <!-- accuracy:begin --> block to check against');
    return false;
  }
  let ok = true;
  for (const line of block[1].split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | set | group | recall | precision |
    if (cells.length < 6 || !SETS.includes(cells[1])) continue;
    const [, setName, groupName, recall, precision] = cells;
    const g = Object.keys(GROUP_NAMES).find((k) => GROUP_NAMES[k] === groupName);
    const now = r.sets[setName]?.groups[g];
    if (!now) continue;
    for (const [what, recorded, value] of [
      ['recall', Number(recall), now.recall],
      ['precision', Number(precision), now.precision],
    ]) {
      // README holds two decimals: compare at that precision
      if (Number.isFinite(recorded) && value !== null && Math.round(value * 100) / 100 < recorded) {
        console.error(`accuracy dropped: ${setName} ${groupName} ${what} ${value.toFixed(2)} < ${recorded.toFixed(2)} recorded in README`);
        ok = false;
      }
    }
  }
  const p = r.precision;
  const rec = /precision set: (\d+) error-severity findings; ([\d.]+) warnings and errors per 1,000 characters/.exec(block[1]);
  if (p && rec && (p.falseErrors > Number(rec[1]) || Math.round(p.perThousandNoPunct * 100) / 100 > Number(rec[2]))) {
    console.error(`precision set worse than recorded: ${p.falseErrors} errors, ${p.perThousandNoPunct.toFixed(2)} per 1,000 characters`);
    ok = false;
  }
  if (ok) console.log('\naccuracy: every figure at or above the one recorded in README.md');
  return ok;
}

