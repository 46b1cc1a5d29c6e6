// The CLI as one classic script (dist/cli-script.js) compiled with V8's code cache: a one-shot run then
// skips parsing and compiling the code a lint uses, which otherwise costs it more than any rule. Node 20
// keeps no compiled code between runs of ES modules (Node 22's module.enableCompileCache does), so the
// build compiles the script once, lints sample drafts with it and saves V8's cache of what ran
// (scripts/build-code-cache.mjs). The cache fits one Node build only: V8 rejects another version's, and a
// rejected cache costs a full compile of the whole script, so another Node uses dist/cli.js instead.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { crc32 } = require('node:zlib');

const DIST = path.join(__dirname, '..', 'dist');
const SCRIPT = path.join(DIST, 'cli-script.js');

/** Where the cache for the running Node lives. The platform is in the name: a package built on Linux is
 * installed on Windows and macOS too, where the same Node version on the same processor is another build. */
const cacheFile = () => path.join(DIST, 'code-cache', `${process.version}-${process.platform}-${process.arch}.bin`);

/** The cache in `file` without its checksum, or null when it is missing, damaged or made for another
 * script. V8 checks a cache's length, version and flags, and of the source only its length: a cache with
 * a flipped byte crashes the process as it is deserialised, and a script edited in place (a patched
 * install) would run the old code from the cache. So the build appends a CRC-32 of the script and the
 * cache together (scripts/build-code-cache.mjs), and a cache that does not match is never handed to V8. */
function readCache(file, script = fs.readFileSync(SCRIPT)) {
  let data;
  try {
    data = fs.readFileSync(file);
  } catch {
    return null;
  }
  if (data.length <= 4) return null;
  const body = data.subarray(0, data.length - 4);
  return crc32(body, crc32(script)) === data.readUInt32LE(data.length - 4) ? body : null;
}

/** Compiles and runs the script (with `cachedData` when given): its exports and the compiled script. */
function compileCli(cachedData, bytes = fs.readFileSync(SCRIPT)) {
  // ASCII only (scripts/build.mjs): read as Latin-1, a one-byte string, with no UTF-8 to decode.
  const source = bytes.toString('latin1');
  const script = new vm.Script(source, {
    filename: SCRIPT,
    cachedData,
  });
  script.runInThisContext();
  // The build wraps the bundle as `globalThis.__wenfengCli = function (exports, require, module, …)`: a
  // function V8 compiles lazily, where a parenthesised one would be compiled at once, all 2.5 MB of it.
  const define = globalThis.__wenfengCli;
  delete globalThis.__wenfengCli;
  const module = { exports: {} };
  // The script cannot import() on its own: a function restored from the cache has lost the loader it
  // was compiled with (Node 20). It asks this module, whose import() resolves as from the package.
  define(module.exports, require('node:module').createRequire(SCRIPT), module, SCRIPT, DIST, (specifier) => import(specifier));
  return { cli: module.exports, script };
}

/** Node options that leave V8's flags alone. Any other option (--max-old-space-size in NODE_OPTIONS, as CI
 * setups like) may change a flag V8 checks the cache against, and a rejected cache costs more than it saves. */
const HARMLESS = /^(?:-r|--require|-e|--eval|-p|--print|--import|--loader|--experimental-loader|--enable-source-maps|--no-warnings|--no-deprecation|--trace-warnings|--trace-uncaught|--title|--cpu-prof.*|--heap-prof.*|--inspect.*|--diagnostic-dir|--report-.*|--redirect-warnings|--unhandled-rejections|--preserve-symlinks.*|--input-type|--conditions|-C|--max-http-header-size|--dns-result-order|--use-openssl-ca|--use-bundled-ca|--tls-.*|--openssl-.*)(?:=|$)/;

/** Whether the process runs with only options that cannot make V8 reject the cache. */
function plainFlags() {
  const args = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean)];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-')) continue; // the value of the option before
    if (!HARMLESS.test(arg)) return false;
  }
  return true;
}

/** The CLI compiled from this Node's cache, or null when there is none, when the process's options may
 * change what V8 accepts, or when it is switched off. */
function cachedCli() {
  if (process.env.WENFENG_CODE_CACHE === 'off' || !plainFlags()) return null;
  if (!fs.existsSync(cacheFile())) return null;
  const bytes = fs.readFileSync(SCRIPT);
  const data = readCache(cacheFile(), bytes);
  return data && compileCli(data, bytes).cli;
}

/** For a one-shot run, V8's optimising compiler told to inline less. Most of a short run executes before
 * TurboFan's code for its hot functions is ready: on a slow core, compiling the typo detector's main loop
 * with everything it inlines took 77 ms, running in the background while the interpreter did the work.
 * With a smaller inlining budget each function compiles sooner, the compiler's own CPU drops by a tenth
 * and the run ends earlier (bench/README, "Tiering"); the warm speed hardly moves. Set at run time, after
 * the script is compiled from its cache (a V8 option given on the command line would make V8 reject the
 * cache), before any code is hot enough to be optimised; only on the cached path, that is with the Node the
 * build ran and tested; not for the language server, which lives long enough to prefer the fuller inlining.
 * Workers start under the original value (src/platform/one-shot-flags.ts): V8's default, 920, in the Node
 * versions this has been measured on. WENFENG_ONE_SHOT_FLAGS=off leaves V8's defaults. */
const ONE_SHOT_FLAGS = '--max-inlined-bytecode-size-cumulative=150';
const ORIGINAL_FLAGS = '--max-inlined-bytecode-size-cumulative=920';
function tuneForOneShot(cli) {
  if (process.env.WENFENG_ONE_SHOT_FLAGS === 'off') return; // V8's defaults, to measure the difference
  cli.tuneForOneShot(ONE_SHOT_FLAGS, ORIGINAL_FLAGS);
}

module.exports = { cachedCli, compileCli, cacheFile, readCache, tuneForOneShot, ONE_SHOT_FLAGS, ORIGINAL_FLAGS, SCRIPT };
