import type { Locale } from '../api.js';
import type { FileResult } from '../engine/result.js';
import type { ChalkInstance } from 'chalk';

export interface FormatterContext {
  locale: Locale;
  color: ChalkInstance;
  cwd: string;
  /** Rule metadata for formatters that list rules (sarif, html). */
  rulesMeta?: Record<string, { description: string; docs?: string }>;
}

export type Formatter = (results: FileResult[], ctx: FormatterContext) => string;
