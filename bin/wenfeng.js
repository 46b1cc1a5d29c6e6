#!/usr/bin/env node
// Loads the bundled CLI. `--version` is answered here, before any of it loads. The CLI leaves once its
// output is flushed: a draft abandoned at its time limit may still hold timers or workers that must not
// keep the process alive.
import { readFileSync } from 'node:fs';
import module from 'node:module';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // Node 22.1+ keeps compiled code between runs (harmlessly absent on Node 20).
  module.enableCompileCache?.();
  const { main } = await import('../dist/cli.js');
  const code = await main(argv);
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
