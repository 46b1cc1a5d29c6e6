// The measured figures on each rule's doc page: a block between <!-- accuracy:begin --> and <!-- accuracy:end -->
// at the end of docs/rules/<id>.md, written by `run.mjs --write-docs` and compared by `run.mjs --check`, so a page
// never quotes figures the rule no longer has. Only the block is touched: the rest of the page is its authors'.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rulesOf } from './score.mjs';

const BEGIN = '<!-- accuracy:begin -->';
const END = '<!-- accuracy:end -->';
const BLOCK = /^<!-- accuracy:begin -->[\s\S]*?^<!-- accuracy:end -->/m;
/** The sets a page quotes, in the order it quotes them. */
const DOC_SETS = [
  ['heldout', 'held-out'],
  ['once', 'once-only'],
  ['dev', 'development'],
];
const GROUPS = {
  tao: { name: '套话', mark: '{{tao:…}}' },
  typo: { name: 'typos', mark: '{{typo:错=对}}' },
  blank: { name: 'blanks and leftovers', mark: '{{blank:…}}' },
  head: { name: 'heading sequence', mark: '{{head:…}}' },
  hfmt: { name: 'heading format', mark: '{{hfmt:…}}' },
};

const n = (x) => x.toLocaleString('en-US');
const two = (x) => (x === null || x === undefined ? '—' : x.toFixed(2));

/** Whether a report has what a page quotes: the three marked sets and the precision set. */
export const docsMeasurable = (report) => DOC_SETS.every(([s]) => report.sets[s]) && Boolean(report.precision);

/** The block for one rule: its group's figures on each set, and its own findings on the well-edited documents. */
export function renderBlock(ruleId, group, report) {
  const g = GROUPS[group];
  const rules = rulesOf(group);
  const shared =
    rules.length > 1
      ? ` The findings of ${rules.map((r) => `\`${r}\``).join(', ').replace(/, ([^,]*)$/, ' and $1')} are scored together as the group ${g.name}.`
      : '';
  const lines = [
    BEGIN,
    '## Measured accuracy',
    '',
    `Drafts written and annotated blind, scored against their \`${g.mark}\` marks`,
    `([test/accuracy/ANNOTATION.md](../../test/accuracy/ANNOTATION.md)): a finding is correct when it overlaps a mark on its line.${shared}`,
    'Written by `node scripts/accuracy/run.mjs --write-docs`; `npm run accuracy -- --check` fails when these figures are no longer the rule’s.',
    '',
    '| set | drafts | characters | marked | found | recall | findings | correct | precision |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [key, label] of DOC_SETS) {
    const s = report.sets[key];
    const f = s.groups[group] ?? { truth: 0, found: 0, findings: 0, correct: 0, recall: null, precision: null };
    lines.push(`| ${label} | ${s.drafts} | ${n(s.chars)} | ${f.truth} | ${f.found} | ${two(f.recall)} | ${f.findings} | ${f.correct} | ${two(f.precision)} |`);
  }
  const p = report.precision;
  const own = p.ruleTotals[ruleId] ?? { error: 0, warning: 0 };
  lines.push(
    '',
    `On the well-edited documents (${p.files} of them, ${n(p.chars)} characters: seeds 000, 001, 003, 004, \`fixtures/good\`, \`test/accuracy/precision\`), where every finding is a false alarm: ${own.error} ${own.error === 1 ? 'error' : 'errors'} and ${own.warning} ${own.warning === 1 ? 'warning' : 'warnings'} from \`${ruleId}\`.`,
    END,
  );
  return lines.join('\n');
}

/** Every rule page that answers for a group, with the block it should end with. */
function pages(root, report) {
  const out = [];
  for (const group of Object.keys(GROUPS)) {
    for (const ruleId of rulesOf(group)) {
      out.push({ file: path.join(root, 'docs/rules', `${ruleId}.md`), ruleId, block: renderBlock(ruleId, group, report) });
    }
  }
  return out;
}

/** Writes (or rewrites) the block of every page; a page without one gets it appended. Returns the files changed. */
export function writeDocs(root, report) {
  const changed = [];
  for (const { file, block } of pages(root, report)) {
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const next = BLOCK.test(text) ? text.replace(BLOCK, () => block) : `${text.replace(/\n*$/, '\n')}\n${block}\n`;
    if (next !== text) {
      writeFileSync(file, next);
      changed.push(path.relative(root, file));
    }
  }
  return changed;
}

/** The pages whose block is missing or differs from the figures now; each with a one-line reason. */
export function staleDocs(root, report) {
  const stale = [];
  for (const { file, block } of pages(root, report)) {
    const rel = path.relative(root, file);
    if (!existsSync(file)) {
      stale.push(`${rel}: no such page`);
      continue;
    }
    const found = BLOCK.exec(readFileSync(file, 'utf8'));
    if (!found) stale.push(`${rel}: no ${BEGIN} block`);
    else if (found[0] !== block) stale.push(`${rel}: its accuracy block differs from the figures now`);
  }
  return stale;
}
