// The V8 flags a one-shot run sets (bin/cli-script.js tuneForOneShot: a smaller inlining budget, so hot code
// is optimised sooner), and what a worker needs while it starts. Once any flag differs from the one the
// process started with, V8 refuses Node's own code cache for the built-in modules loaded afterwards and
// compiles them from source: a worker then took 75-110 ms to start instead of ~45. So a worker starts under
// the process's original flags, and the one-shot flags come back once every starting worker is running.
// Node only (the browser build never sets flags).
import { createRequire } from 'node:module';

interface V8Flags {
  setFlagsFromString(flags: string): void;
}

let flags: { tuned: string; original: string } | undefined;
let starting = 0;

// process.getBuiltinModule is missing on Node 21 and 22.0–22.2 (see platform/node.ts).
const v8 = (): V8Flags => (process.getBuiltinModule?.('node:v8') as V8Flags | undefined) ?? (createRequire(import.meta.url)('node:v8') as V8Flags);

/** Sets `tuned` for the rest of the run; `original` must give the values the process started with. */
export function tuneForOneShot(tuned: string, original: string): void {
  v8().setFlagsFromString(tuned);
  flags = { tuned, original };
}

/** Call before starting a worker; call what it returns once the worker is running (or has died). */
export function workerStarting(): () => void {
  const f = flags;
  if (!f) return () => {};
  if (starting++ === 0) v8().setFlagsFromString(f.original);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--starting === 0) v8().setFlagsFromString(f.tuned);
  };
}
