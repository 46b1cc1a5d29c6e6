// Makes fixtures/legacy/: Word 97-2003 .doc files converted by LibreOffice from the seed .docx files,
// the two kinds of .wps WPS Office writes, and a password-protected .doc.
//
//   node scripts/make-legacy-fixtures.mjs
//
// Needs `soffice` (LibreOffice) on the PATH. Runs with a private, throw-away profile.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seeds = join(root, 'fixtures', 'seeds');
const out = join(root, 'fixtures', 'legacy');
const SEEDS = ['000-moj-jianfu', '001-province-measures-trad', '002-city-report', '003-news', '004-regulation'];
const PASSWORD = 'wenfeng';

const profile = mkdtempSync(join(tmpdir(), 'wenfeng-lo-'));
const soffice = (args, env = {}) =>
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });

mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) if (/\.(doc|wps)$/.test(name)) rmSync(join(out, name));

// 1. .doc from each seed .docx ("MS Word 97" is LibreOffice's Word 97-2003 export filter).
soffice(['--convert-to', 'doc:MS Word 97', '--outdir', out, ...SEEDS.map((s) => join(seeds, `${s}.docx`))]);
for (const s of SEEDS) if (!existsSync(join(out, `${s}.doc`))) throw new Error(`LibreOffice did not write ${s}.doc`);

// 2. WPS Office's .wps: its binary format is Word 97-compatible OLE for text, and WPS also saves
//    OOXML under a .wps name. One of each.
copyFileSync(join(out, '002-city-report.doc'), join(out, '002-city-report.wps'));
copyFileSync(join(seeds, '000-moj-jianfu.docx'), join(out, '000-moj-jianfu-ooxml.wps'));

// 3. A password-protected .doc. --convert-to cannot pass a password, so a Basic macro in the
//    private profile (created by step 1) stores the document with one; paths come in the environment.
const basic = join(profile, 'user', 'basic', 'Standard');
mkdirSync(basic, { recursive: true });
writeFileSync(
  join(basic, 'Module1.xba'),
  `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveEncrypted
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(Environ(&quot;WF_SRC&quot;)), &quot;_blank&quot;, 0, load())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;MS Word 97&quot;
  store(1).Name = &quot;Password&quot;
  store(1).Value = Environ(&quot;WF_PW&quot;)
  doc.storeToURL(ConvertToURL(Environ(&quot;WF_DST&quot;)), store())
  doc.close(True)
End Sub
</script:module>
`,
);
if (!existsSync(join(basic, 'script.xlb'))) {
  writeFileSync(
    join(basic, 'script.xlb'),
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Module1"/>
</library:library>
`,
  );
}
const encrypted = join(out, 'encrypted.doc');
soffice(['vnd.sun.star.script:Standard.Module1.SaveEncrypted?language=Basic&location=application'], {
  WF_SRC: join(seeds, '000-moj-jianfu.docx'),
  WF_DST: encrypted,
  WF_PW: PASSWORD,
});

/** The FIB's flags word (offset 0x0A of the WordDocument stream), found at a sector start by its wIdent. */
function fibFlagsOffset(bytes) {
  for (let at = 512; at + 12 <= bytes.length; at += 512) if (bytes.readUInt16LE(at) === 0xa5ec) return at + 0x0a;
  return -1;
}

let how = `saved by LibreOffice with the password "${PASSWORD}"`;
const check = existsSync(encrypted) ? readFileSync(encrypted) : undefined;
if (!check || fibFlagsOffset(check) < 0 || !(check.readUInt16LE(fibFlagsOffset(check)) & 0x0100)) {
  // Fallback: a copy of a plain .doc with the FIB's fEncrypted bit set (its text stays readable,
  // but a reader must refuse it as Word would ask for a password).
  const plain = readFileSync(join(out, '000-moj-jianfu.doc'));
  const at = fibFlagsOffset(plain);
  plain.writeUInt16LE(plain.readUInt16LE(at) | 0x0100, at);
  writeFileSync(encrypted, plain);
  how = 'a plain .doc with the FIB fEncrypted bit set (LibreOffice did not encrypt)';
}
rmSync(profile, { recursive: true, force: true });

console.log(`fixtures/legacy: ${readdirSync(out).filter((n) => /\.(doc|wps)$/.test(n)).join(', ')}`);
console.log(`encrypted.doc: ${how}`);
