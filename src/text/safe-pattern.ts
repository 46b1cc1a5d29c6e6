// User-written regular expressions (config `phrases`, "/source/flags") run on RE2's linear-time engine
// (re2js, pure JavaScript): a pattern like /(a+)+$/ or /(进一步|进一步加大)*力度$/ that makes a
// backtracking engine run for ever takes time proportional to the text here. RE2 has no
// backreferences or lookaround; a pattern that needs them is a config error naming it.
import type { RE2JS } from 're2js';

export type PatternEngine = typeof RE2JS;

let engine: Promise<PatternEngine> | undefined;

/** The engine, loaded on first use only (configs without regular expressions never pay for it). */
export function loadPatternEngine(): Promise<PatternEngine> {
  engine ??= import('re2js').then((m) => m.RE2JS ?? (m as unknown as { default: typeof m }).default.RE2JS);
  return engine;
}

const REGEX_ENTRY = /^\/(.*)\/([a-z]*)$/s;

/** "/source/flags" → its parts; undefined for a literal phrase. */
export function regexEntry(entry: string): { source: string; flags: string } | undefined {
  const m = REGEX_ENTRY.exec(entry);
  return m ? { source: m[1]!, flags: m[2]! } : undefined;
}

/** A compiled pattern: finds every non-overlapping match in a string, UTF-16 offsets. */
export interface SafePattern {
  matches(text: string): Array<{ start: number; end: number }>;
}

/** Compiles a "/source/flags" entry; throws an Error whose message says why it cannot be used. */
export function compileSafePattern(re2: PatternEngine, source: string, flags: string): SafePattern {
  let bits = 0;
  for (const flag of flags) {
    if (flag === 'i') bits |= re2.CASE_INSENSITIVE;
    else if (flag === 's') bits |= re2.DOTALL;
    else if (flag === 'm') bits |= re2.MULTILINE;
    else if (flag !== 'g' && flag !== 'u') throw new Error(`flag ${flag} is not supported (use i, m, s, g, u)`);
  }
  const pattern = re2.compile(re2.translateRegExp(source), bits);
  return {
    matches(text) {
      const found: Array<{ start: number; end: number }> = [];
      const m = pattern.matcher(text);
      while (m.find()) {
        const start = m.start();
        const end = m.end();
        if (end > start) found.push({ start, end });
      }
      return found;
    },
  };
}
