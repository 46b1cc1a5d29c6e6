// What checking one file produces: the stable JSON shape of the README, plus the document for formatters.
import type { Document, Format, PageCount } from '../document/model.js';

export type MessageSeverity = 'error' | 'warning' | 'info';

export interface LintMessage {
  ruleId: string | null;
  severity: MessageSeverity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  /** Column of the last character of the match (inclusive). */
  endColumn: number;
  /** The matched text, as the document has it. */
  text?: string;
  suggestion?: string;
  /** A safe automatic fix exists (applied by --fix to .txt/.md). */
  fixable?: boolean;
}

/** A fix as the engine keeps it: a range of one paragraph's text. */
export interface PendingFix {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export interface DocTypeInfo {
  id: string;
  label: string;
  source: 'flag' | 'config' | 'title' | 'default';
  reason?: string;
  pageLimit?: number;
}

export interface FileResult {
  path: string;
  format: Format | null;
  fatal: boolean;
  docType: DocTypeInfo | null;
  pages: PageCount | null;
  stats: Record<string, number>;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Not serialised: the document, for formatters that show text. */
  document?: Document;
  /** Not serialised: fixes, for --fix. */
  fixes?: PendingFix[];
  /** Not serialised: sha-256 of the exact bytes linted, kept with --fix so a file edited since is never written. */
  sourceHash?: string;
  /** Not serialised: a rule crashed or the file could not be read (exit code 2). */
  crashed?: boolean;
}

export function countMessages(result: FileResult): void {
  result.errorCount = result.messages.filter((m) => m.severity === 'error').length;
  result.warningCount = result.messages.filter((m) => m.severity === 'warning').length;
  result.infoCount = result.messages.filter((m) => m.severity === 'info').length;
}
