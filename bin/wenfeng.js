#!/usr/bin/env node
// Loads the bundled CLI. It leaves once its output is flushed: a draft abandoned at its time limit may
// still hold timers or workers that must not keep the process alive.
import { main } from '../dist/cli.js';

const code = await main(process.argv.slice(2));
process.exitCode = code;
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
