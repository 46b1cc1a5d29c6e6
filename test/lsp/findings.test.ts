// Findings as the language server offers them, from real lint results of a draft written for this test:
// which suggestions become "改为…" edits (replacements of the matched text) and which stay advice, and
// ranges in UTF-16 when a character outside the BMP comes first.
import { describe, expect, it } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import { findingsOf, replacementOf, SUMMARY_CODE } from '../../src/lsp/findings.js';

const DRAFT = [
  '关于做好2024年防汛工作的通知',
  '各区县人民政府:',
  '2021-2023年，全市共发生险情次，主要原因是官像主义作风。',
  '𠀋𠀋（一）要认真的落实防汛责任...',
].join('\n');

async function lint(text: string, name: string) {
  const session = new LintSession({ cwd: import.meta.dirname, useConfig: false });
  return session.lintBytes(new TextEncoder().encode(text), name);
}

describe('findings for the language server', () => {
  it('offers replacements, not advice, as edits', async () => {
    const result = await lint(DRAFT, 'draft.txt');
    const findings = findingsOf(result, { locale: 'zh', docLink: (id) => `file:///docs/${id}.md`, editable: true });
    const by = (rule: string, text: string) => findings.find((f) => f.ruleId === rule && f.message.text === text);
    expect(by('typo', '官像主义')?.replacement?.newText).toBe('官僚主义');
    expect(by('punctuation', '2021-2023年')?.replacement?.newText).toBe('2021—2023年');
    expect(by('punctuation', ':')?.fix?.newText).toBe('：');
    const blank = findings.find((f) => f.ruleId === 'placeholder');
    expect(blank?.message.suggestion).toContain('填写数字');
    expect(blank?.replacement).toBeUndefined();
    expect(findings[0]!.diagnostic.code).toBe(SUMMARY_CODE);
    expect(findings.find((f) => f.ruleId === 'typo')!.diagnostic.codeDescription?.href).toBe('file:///docs/typo.md');
  });

  it('puts ranges in UTF-16 units after astral characters', async () => {
    const result = await lint(DRAFT, 'draft.txt');
    const findings = findingsOf(result, { locale: 'zh', docLink: () => undefined, editable: true });
    const line = DRAFT.split('\n')[3]!;
    // 的 is column 9 for wenfeng (𠀋 counts one) and character 10 for the editor (𠀋 is two units).
    const de = findings.find((f) => f.ruleId === 'typo' && f.message.text === '的');
    expect(de?.message.column).toBe(9);
    expect(de?.diagnostic.range).toEqual({ start: { line: 3, character: line.indexOf('的') }, end: { line: 3, character: line.indexOf('的') + 1 } });
    expect(de?.replacement?.newText).toBe('地');
    const ellipsis = findings.find((f) => f.ruleId === 'punctuation' && f.message.text === '...');
    expect(ellipsis?.diagnostic.range).toEqual({ start: { line: 3, character: line.indexOf('...') }, end: { line: 3, character: line.indexOf('...') + 3 } });
  });

  it('offers no edits for a draft the editor does not hold as text', async () => {
    const result = await lint(DRAFT, 'draft.txt');
    const findings = findingsOf(result, { locale: 'zh', docLink: () => undefined, editable: false });
    expect(findings.some((f) => f.fix || f.replacement)).toBe(false);
  });

  it('tells a replacement from advice by the text it replaces', () => {
    expect(replacementOf('改为“（一）”', '(一)')).toBe('（一）');
    expect(replacementOf('……', '...')).toBe('……');
    expect(replacementOf('〔2024〕', '[2024]')).toBe('〔2024〕');
    expect(replacementOf('地', '的')).toBe('地');
    expect(replacementOf('填写实际内容', '××')).toBeUndefined();
    expect(replacementOf('填写数字', '某某')).toBeUndefined();
    expect(replacementOf('在"次"前填写数字', '不超过次')).toBeUndefined();
    expect(replacementOf('写明具体做法、数量和时限。', '勇于担当')).toBeUndefined();
  });
});
