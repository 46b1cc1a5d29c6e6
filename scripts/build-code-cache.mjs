// Makes dist/code-cache/<node version>-<platform>-<arch>.bin: V8's code cache of dist/cli-script.js after it has
// linted sample drafts — a draft with findings as text (the default report) and as .docx (JSON), and a
// clean one — so the cache holds the functions a one-shot lint runs, not only the script's top level.
// Run by scripts/build.mjs in a process of its own: the cache must come from a plain `node` like the
// launcher's (V8 rejects a cache made under other flags).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { compileCli, cacheFile, SCRIPT } = createRequire(import.meta.url)('../bin/cli-script.js');

const SAMPLES = [
  ['fixtures/seeds/002-city-report.txt', '--no-config'],
  ['fixtures/seeds/002-city-report.docx', '--format', 'json', '--no-config'],
  ['fixtures/good/good-notice.txt', '--format', 'json', '--no-config'],
];

const { cli, script } = compileCli(undefined);
const write = process.stdout.write;
process.stdout.write = () => true;
try {
  for (const args of SAMPLES) await cli.main(args.map((a) => (a.startsWith('fixtures/') ? path.join(ROOT, a) : a)));
} finally {
  process.stdout.write = write;
}
process.exitCode = 0;
const file = cacheFile();
mkdirSync(path.dirname(file), { recursive: true });
const data = script.createCachedData();
// With a CRC-32 of the script and the cache at the end, which the launcher checks before V8 sees the
// cache (bin/cli-script.js).
const sum = Buffer.alloc(4);
sum.writeUInt32LE(crc32(data, crc32(readFileSync(SCRIPT))));
writeFileSync(file, Buffer.concat([data, sum]));
console.log(`code cache: ${path.relative(ROOT, file)} (${Math.round(data.length / 1024)} KB)`);
