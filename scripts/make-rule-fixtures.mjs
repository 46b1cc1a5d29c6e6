#!/usr/bin/env node
// Regenerates fixtures/rules/: a short notice written as HTML here and turned into .docx and .pdf by LibreOffice,
// so the placeholder and heading rules are tested on what Word and PDF readers really give them — a table
// whose cells hold counters and figures (风险项, 人数, 次), nested lists indented as a PDF shows them, lead lines
// ending "：" with lists of their own, and references to articles inside sentences.
//
//   node scripts/make-rule-fixtures.mjs        (needs LibreOffice `soffice`; SOFFICE=... to override)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/rules');
const SOFFICE = process.env.SOFFICE ?? 'soffice';
const NAME = 'lists-and-table';

const p = (text, indent = 0) => `<p style="margin-left:${indent}em;font-family:FangSong;font-size:16pt">${text}</p>`;
const html = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${NAME}</title></head><body>
<p style="text-align:center;font-size:22pt">关于做好2024年汛期值守工作的通知</p>
${p('各县（市、区）水利局：')}
${p('为做好今年汛期值守工作，现将有关事项通知如下。')}
${p('一、值守安排')}
${p('（一）人员安排')}
${p('值守人员按以下要求安排：', 2)}
${p('1.市局领导每日带班，带班人员不少于1名。', 2)}
${p('2.值班人员实行24小时在岗，每班2人。', 2)}
${p('（1）白班8时至20时；', 4)}
${p('（2）夜班20时至次日8时。', 4)}
${p('3.遇有险情，增派值班人员3至5名。', 2)}
${p('（二）信息报送')}
${p('1.每日17时前报送雨情水情。', 2)}
${p('2.发生险情后30分钟内电话报告，2小时内书面报告。', 2)}
${p('二、责任落实')}
${p('第一部分　水库')}
${p('1.落实水库行政责任人、技术责任人和巡查责任人。', 2)}
${p('2.对小型水库逐库明确管护人员。', 2)}
${p('第二部分　堤防')}
${p('1.落实堤防巡查责任人。', 2)}
${p('2.汛前完成险工险段排查。', 2)}
${p('三、有关要求')}
${p('依照《水库大坝安全管理条例》第五条规定，各地不得擅自降低防洪标准。第三条第二款所列情形，按照应急预案处置。')}
${p('各地值守人员和项目负责人名单见下表，如有变动及时报告。')}
<table border="1" style="font-size:12pt">
<tr><td>风险项</td><td>人数</td><td>次</td><td>备注</td></tr>
<tr><td>值班人员</td><td>3</td><td>个</td><td>项目</td></tr>
<tr><td>巡查人员</td><td>12</td><td>2</td><td>人员</td></tr>
</table>
${p('联系人：防汛办公室 王立新，电话：0796-8123456。')}
</body></html>
`;

const work = mkdtempSync(path.join(tmpdir(), 'wenfeng-rule-fixtures-'));
try {
  const src = path.join(OUT, `${NAME}.html`);
  writeFileSync(src, html);
  const profile = pathToFileURL(path.join(work, 'profile')).href;
  for (const to of ['docx:MS Word 2007 XML', 'pdf:writer_pdf_Export']) {
    execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', work, src], { stdio: 'ignore' });
    const ext = to.split(':')[0];
    renameSync(path.join(work, `${NAME}.${ext}`), path.join(OUT, `${NAME}.${ext}`));
  }
  console.log(`wrote ${path.relative(process.cwd(), OUT)}/${NAME}.{html,docx,pdf}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
