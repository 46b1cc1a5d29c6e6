import type { Locale } from '../api.js';
import type { FileResult } from '../engine/result.js';
import type { ChalkInstance } from 'chalk';

export interface FormatterContext {
  locale: Locale;
  color: ChalkInstance;
  cwd: string;
  /** Rule metadata for formatters that list rules (sarif, html). */
  rulesMeta?: Record<string, { description: string; docs?: string }>;
  /** What --quiet left out, so a summary never calls a draft with warnings clean. */
  hidden?: { warnings: number; infos: number };
  /** With --fix: how many fixes were written to the drafts (the results are already those of the fixed files). */
  fixesWritten?: number;
}

export type Formatter = (results: FileResult[], ctx: FormatterContext) => string;
