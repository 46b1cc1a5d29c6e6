// The --cache key covers everything that changes a result: a phrase rule's patterns, a plugin's code
// or version, the preset, a reference's content. Each change must miss; an unchanged run must hit.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from './helpers/run-cli.js';

const SHARED = '各单位要对本地区本部门的生产经营单位逐一开展安全检查，建立问题清单和整改台账，明确责任人和完成时限。';
const DRAFT = `关于开展安全检查的通知\n各单位要进一步加大力度，全力以赴做好检查工作。\n${SHARED}\n`;

function run(dir: string, extra: string[] = []) {
  const r = runCli(['draft.txt', '--cache', '--cache-location', '.cache', '--debug', '--format', 'json', ...extra], { cwd: dir });
  const stats = /cache .*: (\d+) hit\(s\), (\d+) miss\(es\)/.exec(r.stderr);
  return { hits: Number(stats?.[1]), misses: Number(stats?.[2]), messages: JSON.parse(r.stdout).files[0].messages as Array<{ ruleId: string | null; message: string }> };
}

const phrases = (match: string[]) => ({ phrases: [{ id: 'our-banned', severity: 'warning', message: '本单位不用此说法', match }] });

describe('--cache keys', () => {
  test('changing a phrases pattern misses, and the new pattern is what is reported', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'draft.txt'), DRAFT);
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify(phrases(['进一步加大力度'])));
    const first = run(dir);
    expect(first.misses).toBe(1);
    expect(first.messages.filter((m) => m.ruleId === 'our-banned')).toHaveLength(1);
    expect(run(dir).hits).toBe(1);

    // Same id, severity and message; only the pattern moves. Same size and mtime on the config file.
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify(phrases(['/全力以赴.{0,4}做好/'])));
    const second = run(dir);
    expect(second.misses).toBe(1);
    expect(second.messages.filter((m) => m.ruleId === 'our-banned').length).toBe(1);
    expect(run(dir).hits).toBe(1);
  });

  test('a local plugin whose code changes misses; a package plugin whose version changes misses', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'draft.txt'), DRAFT);
    const plugin = (word: string) =>
      `export default { rules: { word: { meta: { id: 'word', description: { zh: '词', en: 'word' }, defaultSeverity: 'warning' },
  check(doc, ctx) { for (const p of doc.paragraphs) { const i = p.norm.indexOf(${JSON.stringify(word)}); if (i >= 0) ctx.report({ paragraph: p, start: i, end: i + ${word.length}, message: '不用' }); } } } } };\n`;
    writeFileSync(join(dir, 'local.mjs'), plugin('进一步'));
    const pkg = join(dir, 'node_modules/wenfeng-plugin-ours');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'index.mjs'), plugin('检查'));
    const manifest = (version: string) => JSON.stringify({ name: 'wenfeng-plugin-ours', version, type: 'module', main: 'index.mjs', exports: './index.mjs' });
    writeFileSync(join(pkg, 'package.json'), manifest('1.0.0'));
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ plugins: ['./local.mjs', 'wenfeng-plugin-ours'] }));
    expect(run(dir).misses).toBe(1);
    expect(run(dir).hits).toBe(1);

    writeFileSync(join(dir, 'local.mjs'), plugin('全力以赴'));
    const afterCode = run(dir);
    expect(afterCode.misses).toBe(1);
    expect(afterCode.messages.filter((m) => m.ruleId === 'local/word')).toHaveLength(1);

    writeFileSync(join(pkg, 'package.json'), manifest('1.0.1'));
    expect(run(dir).misses).toBe(1);
    expect(run(dir).hits).toBe(1);
  });

  test('a different preset, or an edited reference, misses', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'draft.txt'), DRAFT);
    writeFileSync(join(dir, 'up.txt'), '关于开展检查的通知\n认真做好本年度安全检查各项工作。\n');
    expect(run(dir, ['--against', 'up.txt']).misses).toBe(1);
    expect(run(dir, ['--against', 'up.txt']).hits).toBe(1);
    writeFileSync(join(dir, 'up.txt'), `关于开展检查的通知\n${SHARED}\n`);
    utimesSync(join(dir, 'up.txt'), new Date(), new Date(Date.now() + 5000));
    const edited = run(dir, ['--against', 'up.txt']);
    expect(edited.misses).toBe(1);
    expect(edited.messages.some((m) => m.ruleId === 'copied-from-upstream')).toBe(true);

    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ pageLimits: { preset: 'zhengzhou-2019' } }));
    expect(run(dir).misses).toBe(1);
  });
});
