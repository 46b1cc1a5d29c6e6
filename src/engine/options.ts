// Rule options: defaults filled in, and every key checked against the rule's declared options.
import type { OptionSpec, Rule } from '../api.js';
import { ConfigError } from '../config/types.js';

function typeOk(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string' && (!spec.enum || spec.enum.includes(value));
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

function describe(spec: OptionSpec): string {
  const range = spec.type === 'number' && (spec.min !== undefined || spec.max !== undefined) ? ` ${spec.min ?? '-∞'}..${spec.max ?? '∞'}` : '';
  const choices = spec.enum ? ` (${spec.enum.join('|')})` : '';
  return `${spec.type}${range}${choices}`;
}

export function resolveOptions(rule: Rule<any>, id: string, given: Record<string, unknown> | undefined, file: string, at: string): Record<string, unknown> {
  const specs = rule.meta.options ?? {};
  const options: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) if (spec.default !== undefined) options[key] = structuredClone(spec.default);
  for (const [key, value] of Object.entries(given ?? {})) {
    const spec = specs[key];
    if (!spec) {
      const known = Object.keys(specs);
      throw new ConfigError(file, `${at}.${key}`, `规则 ${id} 没有选项 ${key}${known.length ? `（可用：${known.join('、')}）` : '（此规则没有选项）'}`, `rule ${id} has no option ${key}${known.length ? ` (expected: ${known.join(', ')})` : ' (it takes no options)'}`);
    }
    if (!typeOk(spec, value)) throw new ConfigError(file, `${at}.${key}`, `规则 ${id} 的选项 ${key} 应为 ${describe(spec)}`, `option ${key} of rule ${id} must be ${describe(spec)}`);
    options[key] = value;
  }
  return options;
}
