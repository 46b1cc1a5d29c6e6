// The settings that apply to one draft: defaults, then its config's rules, matching overrides, then the command line.
import { relative, resolve, sep } from 'node:path';
import type { Locale, Rule, Severity } from '../api.js';
import { resolveOptions } from '../engine/options.js';
import type { RuleMap } from '../engine/registry.js';
import { ruleAliases } from '../../rules/index.js';
import { globToRegExp, matchesIgnorePattern } from '../files/glob.js';
import { ConfigError, throwAll, type LoadedConfig, type RuleSetting } from './types.js';

export interface ResolvedRule {
  id: string;
  rule: Rule<any>;
  severity: Exclude<Severity, 'off'>;
  options: Record<string, unknown>;
}

export interface FileSettings {
  rules: ResolvedRule[];
  locale: Locale;
  /** A document type set by config `overrides` for this file. */
  configType?: string;
  pageLimits: Record<string, unknown>;
  references: string[];
  configPath?: string;
  ignored: boolean;
}

export interface CommandLineSettings {
  rules: Record<string, RuleSetting>;
  locale?: Locale;
  /** --against files, absolute. */
  against?: string[];
}

/** Format settings merge key by key, so an override can change one margin and keep the rest. */
function mergeFormat(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    const both = [b, v].every((x) => typeof x === 'object' && x !== null && !Array.isArray(x));
    out[k] = both ? mergeFormat(b as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

function splitSetting(setting: RuleSetting): [Severity, Record<string, unknown> | undefined] {
  return Array.isArray(setting) ? [setting[0], setting[1]] : [setting, undefined];
}

function matchesFiles(rel: string, files: string[]): boolean {
  return files.some((glob) => (glob.includes('/') ? globToRegExp(glob.replace(/^\.\//, '')).test(rel) : globToRegExp(`**/${glob}`).test(rel)));
}

/**
 * A setting under an old rule id (heading-numbering) applies to each rule that replaced it; its options go to the
 * rule that declares them, and an option neither declares is an error naming the old id.
 */
function expandAliases(rules: Record<string, RuleSetting>, available: RuleMap, where: string, at: string): Array<[string, RuleSetting]> {
  const out: Array<[string, RuleSetting]> = [];
  for (const [id, setting] of Object.entries(rules)) {
    const targets = available.has(id) ? undefined : ruleAliases[id]?.filter((t) => available.has(t));
    if (!targets?.length) {
      out.push([id, setting]);
      continue;
    }
    const [severity, options] = splitSetting(setting);
    const declared = (t: string): string[] => Object.keys(available.get(t)!.meta.options ?? {});
    for (const key of Object.keys(options ?? {})) {
      if (!targets.some((t) => declared(t).includes(key))) {
        const known = targets.flatMap(declared);
        throw new ConfigError(where, `${at}.${id}[1].${key}`, `规则 ${id} 没有选项 ${key}（可用：${known.join('、')}）`, `rule ${id} has no option ${key} (expected: ${known.join(', ')})`);
      }
    }
    for (const t of targets) {
      const mine = options && Object.fromEntries(Object.entries(options).filter(([k]) => declared(t).includes(k)));
      out.push([t, mine && Object.keys(mine).length ? [severity, mine] : severity]);
    }
  }
  return out;
}

export function resolveFileSettings(absPath: string, loaded: LoadedConfig, available: RuleMap, cli: CommandLineSettings): FileSettings {
  const rel = relative(loaded.dir, absPath).split(sep).join('/');
  const file = loaded.filepath ?? '(config)';
  const { config } = loaded;
  const layers: Array<[Record<string, RuleSetting>, string, string]> = [];
  if (config.rules) layers.push([config.rules, file, 'rules']);
  let configType: string | undefined;
  let pageLimits: Record<string, unknown> = { ...(config.pageLimits ?? {}) };
  let format: Record<string, unknown> | undefined = config.format;
  (config.overrides ?? []).forEach((o, i) => {
    if (!matchesFiles(rel, o.files)) return;
    if (o.format) format = mergeFormat(format ?? {}, o.format);
    if (o.rules) layers.push([o.rules, file, `overrides[${i}].rules`]);
    if (o.type) configType = o.type;
    if (o.pageLimits) pageLimits = { ...pageLimits, ...o.pageLimits };
  });
  layers.push([cli.rules, '--rule', 'rule']);

  // Every unknown rule and bad option is collected and reported together.
  const errors: ConfigError[] = [];
  const chosen = new Map<string, [Severity, Record<string, unknown> | undefined, string, string]>();
  for (const [id, rule] of available) chosen.set(id, [rule.meta.defaultSeverity, undefined, '', '']);
  for (const [rules, where, at] of layers) {
    for (const [id, setting] of expandAliases(rules, available, where, at)) {
      if (!available.has(id)) {
        errors.push(new ConfigError(where, `${at}.${id}`, `未知的规则 ${id}（用 wenfeng rules 查看全部规则）`, `unknown rule ${id} (see \`wenfeng rules\`)`));
        continue;
      }
      const [severity, options] = splitSetting(setting);
      const previous = chosen.get(id)!;
      // A severity alone keeps options set earlier, as in ESLint.
      chosen.set(id, [severity, options ?? previous[1], options ? where : previous[2], options ? `${at}.${id}` : previous[3]]);
    }
  }
  const rules: ResolvedRule[] = [];
  for (const [id, [severity, options, where, at]] of chosen) {
    const rule = available.get(id)!;
    try {
      const resolved = resolveOptions(rule, id, options, where || file, at ? `${at}[1]` : `rules.${id}`);
      // The format rules share config's `format:` (preset and overrides); a rule's own `format` option goes over it.
      if (format && rule.meta.options?.format) resolved.format = mergeFormat(format, (options?.format as Record<string, unknown> | undefined) ?? {});
      if (severity !== 'off') rules.push({ id, rule, severity, options: resolved });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      errors.push(error);
    }
  }
  throwAll(errors);
  return {
    rules,
    locale: cli.locale ?? config.locale ?? 'zh',
    configType,
    pageLimits,
    // Absolute paths: config references are relative to the config file, --against to the working directory.
    references: [...(config.references ?? []).map((r) => resolve(loaded.dir, r)), ...(cli.against ?? [])],
    configPath: loaded.filepath,
    ignored: (config.ignores ?? []).some((p) => matchesIgnorePattern(rel, p)),
  };
}
