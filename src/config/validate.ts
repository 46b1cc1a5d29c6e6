// Checking a config object key by key, so a typo is an error that names the file and the key path.
import type { Severity } from '../api.js';
import { DOC_TYPE_IDS } from '../classify/doc-types.js';
import { PAGE_LIMIT_PRESETS } from '../classify/page-limits.js';
import { compileSafePattern, loadPatternEngine, regexEntry, type PatternEngine } from '../text/safe-pattern.js';
import { ConfigError, throwAll, type Config } from './types.js';
import { checkFormatSettings } from '../../rules/format-preset.js';

/** The GB/T 9704 format preset and its overrides (rules/format-preset.ts knows their shape). */
function checkFormat(file: string, at: string, value: unknown): ConfigError[] {
  return checkFormatSettings(value).map(([key, zh, en]) => new ConfigError(file, key ? `${at}.${key}` : at, zh, en));
}

const SEVERITIES: readonly Severity[] = ['off', 'info', 'warning', 'error'];
const TOP_KEYS = ['rules', 'overrides', 'ignores', 'plugins', 'phrases', 'locale', 'pageLimits', 'format', 'references', '$schema'];
const OVERRIDE_KEYS = ['files', 'type', 'rules', 'pageLimits', 'format'];
const PHRASE_KEYS = ['id', 'severity', 'message', 'match', 'suggest', 'maxPerThousand'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(file: string, key: string, zh: string, en: string): never {
  throw new ConfigError(file, key, zh, en);
}

function checkKeys(file: string, at: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      const path = at ? `${at}.${key}` : key;
      fail(file, path, `未知的配置项（可用：${allowed.filter((k) => k !== '$schema').join('、')}）`, `unknown key (expected one of: ${allowed.filter((k) => k !== '$schema').join(', ')})`);
    }
  }
}

function stringList(file: string, at: string, value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) fail(file, at, '应为字符串数组', 'must be an array of strings');
  return list as string[];
}

/** Validates a severity or [severity, options] setting (rule ids are checked later, once plugins are loaded). */
export function checkRuleSetting(file: string, at: string, value: unknown): void {
  const severity = Array.isArray(value) ? value[0] : value;
  if (typeof severity !== 'string' || !SEVERITIES.includes(severity as Severity)) {
    fail(file, at, `严重级别应为 ${SEVERITIES.join('|')}，或 [级别, 选项]`, `severity must be one of ${SEVERITIES.join('|')}, or [severity, options]`);
  }
  if (Array.isArray(value) && (value.length > 2 || (value.length === 2 && !isObject(value[1])))) {
    fail(file, at, '应为 [级别, {选项}]', 'must be [severity, {options}]');
  }
}

function checkPageLimits(file: string, at: string, value: unknown): void {
  if (!isObject(value)) fail(file, at, '应为对象', 'must be an object');
  const errors: ConfigError[] = [];
  for (const [key, v] of Object.entries(value)) attempt(errors, () => {
    if (key === 'preset') {
      if (typeof v !== 'string' || !PAGE_LIMIT_PRESETS[v]) fail(file, `${at}.preset`, `未知的预设（可用：${Object.keys(PAGE_LIMIT_PRESETS).join('、')}）`, `unknown preset (expected one of: ${Object.keys(PAGE_LIMIT_PRESETS).join(', ')})`);
    } else if (!DOC_TYPE_IDS.includes(key)) {
      fail(file, `${at}.${key}`, `未知的文种类别（可用：preset、${DOC_TYPE_IDS.join('、')}）`, `unknown document type (expected preset or one of: ${DOC_TYPE_IDS.join(', ')})`);
    } else if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) fail(file, `${at}.${key}`, '页数上限应为正整数', 'a page limit must be a positive whole number');
  });
  throwAll(errors);
}

function checkRules(file: string, at: string, value: unknown): void {
  if (!isObject(value)) fail(file, at, '应为对象：{ 规则: 级别 }', 'must be an object: { rule: severity }');
  const errors: ConfigError[] = [];
  for (const [id, setting] of Object.entries(value)) attempt(errors, () => checkRuleSetting(file, `${at}.${id}`, setting));
  throwAll(errors);
}

/** Runs one check; a ConfigError it throws is kept and checking goes on, so every error is reported at once. */
function attempt(errors: ConfigError[], check: () => void): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    errors.push(error);
  }
}

function checkPhrase(file: string, at: string, p: unknown, re2: PatternEngine | undefined, errors: ConfigError[]): void {
  if (!isObject(p)) fail(file, at, '应为对象', 'must be an object');
  attempt(errors, () => checkKeys(file, at, p, PHRASE_KEYS));
  attempt(errors, () => {
    if (typeof p.id !== 'string' || !/^[a-z0-9][a-z0-9-/]*$/.test(p.id)) fail(file, `${at}.id`, '应为小写字母、数字和连字符组成的 id', 'must be an id of lowercase letters, digits and dashes');
  });
  attempt(errors, () => {
    const msg = p.message;
    if (!(typeof msg === 'string' || (isObject(msg) && typeof msg.zh === 'string'))) fail(file, `${at}.message`, '应为字符串或 { zh, en }', 'must be a string or { zh, en }');
  });
  attempt(errors, () => {
    const match = stringList(file, `${at}.match`, p.match);
    if (!match.length) fail(file, `${at}.match`, '不能为空', 'must not be empty');
    match.forEach((m, j) => {
      const re = regexEntry(m);
      if (!re || !re2) return;
      attempt(errors, () => {
        try {
          compileSafePattern(re2, re.source, re.flags);
        } catch (error) {
          const why = String((error as Error).message).split('\n')[0];
          fail(file, `${at}.match[${j}]`, `正则表达式 ${m} 无法使用：${why}（只支持线性时间的 RE2 语法：不支持回溯引用和前后断言）`, `regular expression ${m} cannot be used: ${why} (only linear-time RE2 syntax: no backreferences or lookaround)`);
        }
      });
    });
  });
  attempt(errors, () => {
    if (p.severity !== undefined) checkRuleSetting(file, `${at}.severity`, p.severity);
  });
  attempt(errors, () => {
    if (p.suggest !== undefined && typeof p.suggest !== 'string') fail(file, `${at}.suggest`, '应为字符串', 'must be a string');
  });
  attempt(errors, () => {
    if (p.maxPerThousand !== undefined && (typeof p.maxPerThousand !== 'number' || p.maxPerThousand < 0)) fail(file, `${at}.maxPerThousand`, '应为非负数', 'must be a non-negative number');
  });
}

const hasRegexPhrase = (raw: Record<string, unknown>): boolean =>
  Array.isArray(raw.phrases) && raw.phrases.some((p: unknown) => isObject(p) && (Array.isArray(p.match) ? p.match : [p.match]).some((m: unknown) => typeof m === 'string' && regexEntry(m) !== undefined));

/** Checks a whole config; throws every error found (one ConfigError, or a ConfigErrorList). */
export async function validateConfig(raw: unknown, file: string): Promise<Config> {
  if (!isObject(raw)) fail(file, '(root)', '配置应为对象', 'the config must be an object');
  const errors: ConfigError[] = [];
  const re2 = hasRegexPhrase(raw) ? await loadPatternEngine() : undefined;
  attempt(errors, () => checkKeys(file, '', raw, TOP_KEYS));
  attempt(errors, () => raw.rules !== undefined && checkRules(file, 'rules', raw.rules));
  attempt(errors, () => raw.ignores !== undefined && stringList(file, 'ignores', raw.ignores));
  attempt(errors, () => raw.plugins !== undefined && stringList(file, 'plugins', raw.plugins));
  attempt(errors, () => raw.references !== undefined && stringList(file, 'references', raw.references));
  attempt(errors, () => {
    if (raw.locale !== undefined && raw.locale !== 'zh' && raw.locale !== 'en') fail(file, 'locale', '应为 zh 或 en', 'must be zh or en');
  });
  attempt(errors, () => raw.pageLimits !== undefined && checkPageLimits(file, 'pageLimits', raw.pageLimits));
  if (raw.format !== undefined) errors.push(...checkFormat(file, 'format', raw.format));
  attempt(errors, () => {
    if (raw.overrides === undefined) return;
    if (!Array.isArray(raw.overrides)) fail(file, 'overrides', '应为数组', 'must be an array');
    raw.overrides.forEach((o: unknown, i: number) =>
      attempt(errors, () => {
        const at = `overrides[${i}]`;
        if (!isObject(o)) fail(file, at, '应为对象', 'must be an object');
        attempt(errors, () => checkKeys(file, at, o, OVERRIDE_KEYS));
        attempt(errors, () => {
          if (o.files === undefined) fail(file, `${at}.files`, '缺少 files', 'files is required');
          o.files = stringList(file, `${at}.files`, o.files);
        });
        attempt(errors, () => {
          if (o.type !== undefined && (typeof o.type !== 'string' || !DOC_TYPE_IDS.includes(o.type))) fail(file, `${at}.type`, `应为 ${DOC_TYPE_IDS.join('|')}`, `must be one of ${DOC_TYPE_IDS.join('|')}`);
        });
        attempt(errors, () => o.rules !== undefined && checkRules(file, `${at}.rules`, o.rules));
        attempt(errors, () => o.pageLimits !== undefined && checkPageLimits(file, `${at}.pageLimits`, o.pageLimits));
        if (o.format !== undefined) errors.push(...checkFormat(file, `${at}.format`, o.format));
      }),
    );
  });
  attempt(errors, () => {
    if (raw.phrases === undefined) return;
    if (!Array.isArray(raw.phrases)) fail(file, 'phrases', '应为数组', 'must be an array');
    raw.phrases.forEach((p: unknown, i: number) => attempt(errors, () => checkPhrase(file, `phrases[${i}]`, p, re2, errors)));
  });
  throwAll(errors);
  return raw as Config;
}
