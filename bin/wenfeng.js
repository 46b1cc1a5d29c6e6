#!/usr/bin/env node
// Loads the bundled CLI; the exit code is set rather than forced so output is flushed first.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
