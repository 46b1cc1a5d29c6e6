// Where a rule is explained: its page in docs/rules/ (shipped in the package) as a link for the
// diagnostic, and the page's opening — the title and "What it flags" — for a hover.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale } from '../api.js';
import type { FileSettings } from '../config/resolve.js';
import { findPackageRoot } from '../formatters/package-root.js';

const isWebUrl = (s: string): boolean => /^https?:\/\/\S+$/.test(s);

export interface RuleInfo {
  description: string;
  /** A file: or https: URL of the rule's documentation. */
  href?: string;
  /** The local documentation file, for a built-in rule. */
  file?: string;
}

/** Whether each rule page exists, asked once per process (every check of every draft needs the links). */
const pages = new Map<string, boolean>();
const pageExists = (file: string): boolean => {
  let found = pages.get(file);
  if (found === undefined) pages.set(file, (found = existsSync(file)));
  return found;
};

/** What the settings say of each rule that may report: description and documentation. */
export function ruleInfo(settings: FileSettings, locale: Locale): Map<string, RuleInfo> {
  const out = new Map<string, RuleInfo>();
  const root = findPackageRoot();
  for (const { id, rule } of settings.rules) {
    const docs = rule.meta.docs;
    const info: RuleInfo = { description: rule.meta.description[locale] ?? rule.meta.description.zh };
    if (docs && isWebUrl(docs)) info.href = docs;
    else if (docs && root && !id.includes('/') && !isAbsolute(docs)) {
      const file = resolve(root, docs);
      if (pageExists(file)) {
        info.file = file;
        info.href = pathToFileURL(file).href;
      }
    }
    out.set(id, info);
  }
  return out;
}

const excerpts = new Map<string, string>();

/** The page's title and first section (what the rule flags), cut at a line near 1,800 characters. */
export function docExcerpt(file: string): string {
  let text = excerpts.get(file);
  if (text === undefined) {
    let body = '';
    try {
      body = readFileSync(file, 'utf8');
    } catch {
      // a missing page is no hover of its own
    }
    const lines = body.split(/\r?\n/);
    const out: string[] = [];
    let sections = 0;
    for (const line of lines) {
      if (/^## /.test(line) && ++sections > 1) break;
      out.push(line);
      if (out.join('\n').length > 1800) {
        out.push('…');
        break;
      }
    }
    // Links in the page are relative to docs/rules/: shown as text, not as links that lead nowhere.
    text = out.join('\n').replace(/\]\((?!https?:)[^)]*\)/g, ']').trim();
    excerpts.set(file, text);
  }
  return text;
}
