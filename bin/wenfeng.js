#!/usr/bin/env node
// Loads the bundled CLI. `--version` is answered here, before any of it loads. This launcher is CommonJS
// (bin/package.json): Node starts a CommonJS entry without its ES module loader, which `--version` and
// every editor hook would otherwise pay for. The CLI leaves once its output is flushed: a draft abandoned
// at its time limit may still hold timers or workers that must not keep the process alive.
'use strict';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  const { readFileSync } = require('node:fs');
  const { join } = require('node:path');
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  // The CLI compiled from V8's code cache where the build made one for this Node (bin/cli-script.js);
  // otherwise the ES module build, with Node 22.1+'s own compile cache (harmlessly absent on Node 20).
  const launcher = require('./cli-script.js');
  const cached = launcher.cachedCli();
  if (!cached) require('node:module').enableCompileCache?.();
  else if (argv[0] !== 'lsp') launcher.tuneForOneShot(cached);
  (cached ? Promise.resolve(cached) : import('../dist/cli.js')).then(async ({ main }) => {
    const code = await main(argv);
    process.exitCode = code;
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  });
}
