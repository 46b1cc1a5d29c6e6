// What the CI formatters (sarif, github, junit) share: paths as CI tools resolve them, and one-line texts.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Locale } from '../api.js';
import type { LintMessage } from '../engine/result.js';

/**
 * `path` relative to `base` with forward slashes, or null when it lies outside `base` (or is not a
 * file, like `<stdin>`): CI services resolve paths from the repository root, on any OS.
 */
export function relativeTo(base: string, cwd: string, path: string): string | null {
  if (path === '<stdin>') return null;
  const rel = relative(base, resolve(cwd, path));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}

/** A message with its suggestion, as the compact format words it. */
export function messageText(m: LintMessage, locale: Locale): string {
  if (!m.suggestion) return m.message;
  return locale === 'zh' ? `${m.message}（建议：${m.suggestion}）` : `${m.message} (suggestion: ${m.suggestion})`;
}

/**
 * A message with no rule and no real position: the file could not be read (fatal), or the reader
 * has a note about the whole file (tracked changes, a PDF with no text layer). Both sit at 1:1.
 */
export const isFileLevel = (m: LintMessage): boolean => m.ruleId === null;
