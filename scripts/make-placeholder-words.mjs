#!/usr/bin/env node
// Builds rules/data/placeholder-words.json: the words in which a counter or unit character is no counter
// (人员, 项目, 文件, 车辆, 场所), so placeholder does not read "人" in "人员" as a blank number.
//
//   node scripts/make-placeholder-words.mjs path/to/dict.txt.big
//
// The dictionary is jieba's dict.txt.big (MIT; "word frequency tag" a line), as shipped in the npm package
// jieba-js (package/dict/dict.txt.big). Kept: words of 2–4 characters that start or end with a unit of
// placeholder.json, in simplified characters, less those that are only a numeral or determiner and a unit (三个, 每项) or a unit itself.
import { readFileSync, writeFileSync } from 'node:fs';

const dictPath = process.argv[2];
if (!dictPath) {
  console.error('usage: node scripts/make-placeholder-words.mjs path/to/dict.txt.big');
  process.exit(2);
}
const data = JSON.parse(readFileSync(new URL('../rules/data/placeholder.json', import.meta.url), 'utf8'));
const singles = new Set([...data.clauseCounters, ...data.cueCounters, ...data.gapUnits, ...data.magnitudes]);
const units = [...data.units].filter((u) => u.length > 1);
const unitSet = new Set(data.units);
const counting = new Set([...data.numerals, ...data.determiners]);
// Rules match on the simplified view of the text, so traditional spellings of a word are never looked up.
const traditional = new Set(JSON.parse(readFileSync(new URL('../src/document/traditional-chars.json', import.meta.url), 'utf8')).chars);

const words = new Set();
for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
  const word = line.split(' ')[0];
  if (!word || word.length < 2 || word.length > 4 || !/^\p{Script=Han}+$/u.test(word)) continue;
  if (unitSet.has(word) || [...word].some((c) => traditional.has(c))) continue;
  const first = singles.has(word[0]) || units.some((u) => word.startsWith(u) && word !== u);
  const last = singles.has(word.at(-1)) || units.some((u) => word.endsWith(u) && word !== u);
  if (!first && !last) continue;
  // 三个, 每项, 两名, 几次, 百万: a number and its counter, not a word that hides one.
  if (last && !first && [...word.slice(0, -1)].every((c) => counting.has(c))) continue;
  words.add(word);
}
// Grouped by length, each group sorted by UTF-16 code units (the order the rule's binary search compares in) and
// run together with no separator: the rule searches the string in place and never splits it.
const byLength = {};
for (const w of words) (byLength[w.length] ??= []).push(w);
writeFileSync(
  new URL('../rules/data/placeholder-words.json', import.meta.url),
  `${JSON.stringify({
    version: 2,
    about: 'Words that start or end with a counter or unit character, so it is no counter there (人员, 项目, 车辆). Built by scripts/make-placeholder-words.mjs from jieba dict.txt.big (MIT). Kept by length: each entry is the words of that many characters, sorted by UTF-16 code units and run together with no separator, so the rule binary-searches the string in place instead of splitting it.',
    byLength: Object.fromEntries(Object.entries(byLength).map(([len, list]) => [len, list.sort().join('')])),
  })}\n`,
);
console.log(`${words.size} words`);
