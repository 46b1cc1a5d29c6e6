// Checking a config object key by key, so a typo is an error that names the file and the key path.
import type { Severity } from '../api.js';
import { DOC_TYPE_IDS } from '../classify/doc-types.js';
import { PAGE_LIMIT_PRESETS } from '../classify/page-limits.js';
import { ConfigError, type Config } from './types.js';

const SEVERITIES: readonly Severity[] = ['off', 'info', 'warning', 'error'];
const TOP_KEYS = ['rules', 'overrides', 'ignores', 'plugins', 'phrases', 'locale', 'pageLimits', 'references', '$schema'];
const OVERRIDE_KEYS = ['files', 'type', 'rules', 'pageLimits'];
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
  for (const [key, v] of Object.entries(value)) {
    if (key === 'preset') {
      if (typeof v !== 'string' || !PAGE_LIMIT_PRESETS[v]) fail(file, `${at}.preset`, `未知的预设（可用：${Object.keys(PAGE_LIMIT_PRESETS).join('、')}）`, `unknown preset (expected one of: ${Object.keys(PAGE_LIMIT_PRESETS).join(', ')})`);
    } else if (!DOC_TYPE_IDS.includes(key)) {
      fail(file, `${at}.${key}`, `未知的文种类别（可用：preset、${DOC_TYPE_IDS.join('、')}）`, `unknown document type (expected preset or one of: ${DOC_TYPE_IDS.join(', ')})`);
    } else if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) fail(file, `${at}.${key}`, '页数上限应为正整数', 'a page limit must be a positive whole number');
  }
}

function checkRules(file: string, at: string, value: unknown): void {
  if (!isObject(value)) fail(file, at, '应为对象：{ 规则: 级别 }', 'must be an object: { rule: severity }');
  for (const [id, setting] of Object.entries(value)) checkRuleSetting(file, `${at}.${id}`, setting);
}

export function validateConfig(raw: unknown, file: string): Config {
  if (!isObject(raw)) fail(file, '(root)', '配置应为对象', 'the config must be an object');
  checkKeys(file, '', raw, TOP_KEYS);
  if (raw.rules !== undefined) checkRules(file, 'rules', raw.rules);
  if (raw.ignores !== undefined) stringList(file, 'ignores', raw.ignores);
  if (raw.plugins !== undefined) stringList(file, 'plugins', raw.plugins);
  if (raw.references !== undefined) stringList(file, 'references', raw.references);
  if (raw.locale !== undefined && raw.locale !== 'zh' && raw.locale !== 'en') fail(file, 'locale', '应为 zh 或 en', 'must be zh or en');
  if (raw.pageLimits !== undefined) checkPageLimits(file, 'pageLimits', raw.pageLimits);
  if (raw.overrides !== undefined) {
    if (!Array.isArray(raw.overrides)) fail(file, 'overrides', '应为数组', 'must be an array');
    raw.overrides.forEach((o: unknown, i: number) => {
      const at = `overrides[${i}]`;
      if (!isObject(o)) fail(file, at, '应为对象', 'must be an object');
      checkKeys(file, at, o, OVERRIDE_KEYS);
      if (o.files === undefined) fail(file, `${at}.files`, '缺少 files', 'files is required');
      o.files = stringList(file, `${at}.files`, o.files);
      if (o.type !== undefined && (typeof o.type !== 'string' || !DOC_TYPE_IDS.includes(o.type))) fail(file, `${at}.type`, `应为 ${DOC_TYPE_IDS.join('|')}`, `must be one of ${DOC_TYPE_IDS.join('|')}`);
      if (o.rules !== undefined) checkRules(file, `${at}.rules`, o.rules);
      if (o.pageLimits !== undefined) checkPageLimits(file, `${at}.pageLimits`, o.pageLimits);
    });
  }
  if (raw.phrases !== undefined) {
    if (!Array.isArray(raw.phrases)) fail(file, 'phrases', '应为数组', 'must be an array');
    raw.phrases.forEach((p: unknown, i: number) => {
      const at = `phrases[${i}]`;
      if (!isObject(p)) fail(file, at, '应为对象', 'must be an object');
      checkKeys(file, at, p, PHRASE_KEYS);
      if (typeof p.id !== 'string' || !/^[a-z0-9][a-z0-9-/]*$/.test(p.id)) fail(file, `${at}.id`, '应为小写字母、数字和连字符组成的 id', 'must be an id of lowercase letters, digits and dashes');
      const msg = p.message;
      if (!(typeof msg === 'string' || (isObject(msg) && typeof msg.zh === 'string'))) fail(file, `${at}.message`, '应为字符串或 { zh, en }', 'must be a string or { zh, en }');
      const match = stringList(file, `${at}.match`, p.match);
      if (!match.length) fail(file, `${at}.match`, '不能为空', 'must not be empty');
      for (const m of match) {
        const re = /^\/(.*)\/([a-z]*)$/s.exec(m);
        if (re) {
          try {
            new RegExp(re[1]!, re[2]);
          } catch (error) {
            fail(file, `${at}.match`, `正则表达式无效：${m}`, `invalid regular expression: ${m} (${(error as Error).message})`);
          }
        }
      }
      if (p.severity !== undefined) checkRuleSetting(file, `${at}.severity`, p.severity);
      if (p.suggest !== undefined && typeof p.suggest !== 'string') fail(file, `${at}.suggest`, '应为字符串', 'must be a string');
      if (p.maxPerThousand !== undefined && (typeof p.maxPerThousand !== 'number' || p.maxPerThousand < 0)) fail(file, `${at}.maxPerThousand`, '应为非负数', 'must be a non-negative number');
    });
  }
  return raw as Config;
}
