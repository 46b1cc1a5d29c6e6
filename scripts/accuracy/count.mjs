#!/usr/bin/env node
// Checks the marks of every *.marked.txt in the given folders and prints the counts per group.
// Usage: node scripts/accuracy/count.mjs test/accuracy/dev [more folders]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { GROUPS, parseMarked } from './marks.mjs';

let bad = 0;
for (const dir of process.argv.slice(2)) {
  const total = Object.fromEntries(GROUPS.map((g) => [g, 0]));
  let chars = 0;
  let files = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.marked.txt')).sort()) {
    try {
      const { text, spans } = parseMarked(readFileSync(path.join(dir, name), 'utf8'));
      const n = text.replace(/\s/g, '').length;
      const per = Object.fromEntries(GROUPS.map((g) => [g, spans.filter((s) => s.group === g).length]));
      for (const g of GROUPS) total[g] += per[g];
      chars += n;
      files++;
      console.log(`${name}  ${n} chars  ${GROUPS.map((g) => `${g} ${per[g]}`).join('  ')}`);
    } catch (e) {
      bad++;
      console.log(`${name}  ERROR ${e.message}`);
    }
  }
  console.log(`== ${dir}: ${files} drafts, ${chars} chars  ${GROUPS.map((g) => `${g} ${total[g]}`).join('  ')}`);
}
process.exit(bad ? 1 : 0);
