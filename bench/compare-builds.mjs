#!/usr/bin/env node
// Two builds side by side on the same inputs, interleaved: is this change slower than the one before it?
//
//   node bench/compare-builds.mjs <other checkout> [--reps 15] [file …]
//
// <other checkout> is a built wenfeng (bin/ and dist/), e.g. a `git worktree add --detach ../base <rev>`
// after `npm ci`. Default inputs: the bench's 2-, 10- and 60-page .docx and a 2,000-character text on stdin.
// Prints, per input, the median wall and CPU time of each build and their ratio (this ÷ other).
import path from 'node:path';
import { existsSync } from 'node:fs';
import { ROOT, measureGroup, nodeCommand, round } from './lib.mjs';
import { INPUTS, makeInputs } from './make-inputs.mjs';

const args = process.argv.slice(2);
const other = args[0] && path.resolve(args[0]);
if (!other || !existsSync(path.join(other, 'bin/wenfeng.js'))) {
  console.error('usage: node bench/compare-builds.mjs <other built checkout> [--reps n] [file …]');
  process.exit(2);
}
const repsAt = args.indexOf('--reps');
const reps = repsAt >= 0 ? Number(args[repsAt + 1]) : 15;
const files = args.slice(1).filter((a, i, all) => a !== '--reps' && all[i - 1] !== '--reps');

const manifest = makeInputs();
const inputs = files.length
  ? files.map((f) => ({ label: path.basename(f), file: path.resolve(f) }))
  : [
      ...[2, 10, 60].map((pages) => ({ label: `.docx, ${pages} pages`, file: path.join(INPUTS, manifest.long[`docx-${pages}`].file) })),
      { label: 'stdin, 2,000 characters', stdin: path.join(INPUTS, 'stdin-2000.txt') },
    ];

const lint = (label, checkout, input) =>
  input.stdin
    ? nodeCommand(label, [path.join(checkout, 'bin/wenfeng.js'), '--stdin', '--stdin-filename', 'draft.txt', '--format', 'json', '--no-config'], { stdinFile: input.stdin, okCodes: [0, 1] })
    : nodeCommand(label, [path.join(checkout, 'bin/wenfeng.js'), input.file, '--format', 'json', '--no-config'], { okCodes: [0, 1] });

console.log(`this build: ${ROOT}\nother build: ${other}\n${reps} runs each, interleaved, medians\n`);
console.log('| input | other wall | this wall | ratio | other CPU | this CPU | ratio |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const input of inputs) {
  const r = measureGroup([lint('other', other, input), lint('this', ROOT, input)], { reps, warmup: 2 });
  const o = r.get('other');
  const t = r.get('this');
  console.log(`| ${input.label} | ${round(o.median)} ms | ${round(t.median)} ms | ${round(t.median / o.median, 2)}× | ${round(o.cpuMedian)} ms | ${round(t.cpuMedian)} ms | ${round(t.cpuMedian / o.cpuMedian, 2)}× |`);
}
