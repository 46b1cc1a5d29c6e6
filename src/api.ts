// The public rule API: built-in rules in rules/ and third-party plugins use exactly this.
import type { Document, Paragraph } from './document/model.js';

export type Severity = 'off' | 'info' | 'warning' | 'error';
export type Locale = 'zh' | 'en';

/** A text in both languages wenfeng speaks. */
export interface LocalText {
  zh: string;
  en: string;
}

/** One option a rule accepts; used to validate config with errors that name the rule and the key. */
export interface OptionSpec {
  type: 'number' | 'boolean' | 'string' | 'string[]' | 'object' | 'array';
  default?: unknown;
  description?: string;
  /** For numbers: inclusive bounds. */
  min?: number;
  max?: number;
  /** For strings: the allowed values. */
  enum?: readonly string[];
}

export interface RuleMeta {
  /** Stable id, lowercase with dashes; plugin rules are namespaced "plugin/rule" by the loader. */
  id: string;
  description: LocalText;
  defaultSeverity: Exclude<Severity, 'off'> | 'off';
  /** Where the rule's documentation lives (a path in the package or a URL). */
  docs?: string;
  /** Message templates by id; `{name}` is replaced from `data`. */
  messages?: Record<string, LocalText>;
  options?: Record<string, OptionSpec>;
  /** false for rules about the whole file (page counts) that still run when a PDF has no text layer. */
  needsText?: boolean;
}

export interface Fix {
  /** Replacement for the reported range (offsets in the paragraph's `text`). */
  text: string;
}

export interface Report {
  /** A literal message (one string, or both languages) — or use `messageId`. */
  message?: string | LocalText;
  messageId?: string;
  data?: Record<string, string | number>;
  /** The paragraph (object or 0-based index). */
  paragraph: Paragraph | number;
  /** UTF-16 offsets in the paragraph's text (the same in `norm`); `end` exclusive. Default: the whole paragraph. */
  start?: number;
  end?: number;
  /** A replacement or advice shown to the user. */
  suggestion?: string | LocalText;
  /** A safe automatic fix (only applied to .txt/.md with --fix). */
  fix?: Fix;
  /** Overrides the configured severity for this one finding (e.g. a softer warning near a limit). */
  severity?: Exclude<Severity, 'off'>;
}

/** Document-level figures a rule may add to the output's `stats` (e.g. 套话 density). */
export type Stats = Record<string, number>;

export interface RuleContext<Options = Record<string, unknown>> {
  /** The rule's options, defaults filled in. */
  options: Options;
  locale: Locale;
  /** The configured severity of this rule for this file. */
  severity: Exclude<Severity, 'off'>;
  report(report: Report): void;
  /** Adds figures to the file's stats. */
  stat(stats: Stats): void;
  /** The resolved document type and limits, when known. */
  docType?: { id: string; label: string; pageLimit?: number };
  /** Upstream documents to compare against (--against, config `references`), already read. */
  references: Document[];
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  check(doc: Document, ctx: RuleContext<Options>): void | Promise<void>;
}

/** Identity helper that gives a rule its types. */
export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** What a plugin module exports. */
export interface Plugin {
  rules: Record<string, Rule<any>> | Rule<any>[];
}

export function definePlugin(plugin: Plugin): Plugin {
  return plugin;
}

/** Picks the text for the locale. */
export function localize(text: string | LocalText, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale] ?? text.zh;
}

/** Fills `{name}` placeholders. */
export function format(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
