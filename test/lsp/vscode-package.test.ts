// The VS Code extension as `npm run build` packs it: a .vsix that VS Code can install — the OPC parts
// ([Content_Types].xml with a type for every file, extension.vsixmanifest naming the extension's
// package.json), the manifest's identity from editors/vscode/package.json, and one bundled script that
// needs nothing but `vscode` and Node's own modules.
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipArchive } from '../../src/readers/docx/zip.js';
import { CHECK_WORKSPACE } from '../../src/lsp/server.js';
import { ROOT } from './rpc-client.js';

const HERE = join(ROOT, 'editors/vscode');
const pkg = JSON.parse(readFileSync(join(HERE, 'package.json'), 'utf8'));
const vsixPath = join(HERE, 'dist', `${pkg.name}-${pkg.version}.vsix`);
const text = (zip: ZipArchive, name: string): string => new TextDecoder().decode(zip.read(name));

describe('the VS Code extension package', () => {
  it('is built by npm run build', () => {
    expect(readdirSync(join(HERE, 'dist'))).toContain(`${pkg.name}-${pkg.version}.vsix`);
  });

  it('has the .vsix layout: content types, the vsixmanifest, the extension under extension/', () => {
    const zip = new ZipArchive(new Uint8Array(readFileSync(vsixPath)), 64 * 1024 * 1024);
    const names = zip.names();
    expect(names.slice(0, 2)).toEqual(['[Content_Types].xml', 'extension.vsixmanifest']);
    expect(names.filter((n) => !n.startsWith('extension/') && !['[Content_Types].xml', 'extension.vsixmanifest'].includes(n))).toEqual([]);
    const types = text(zip, '[Content_Types].xml');
    for (const ext of new Set(names.filter((n) => n !== '[Content_Types].xml').map((n) => extname(n)))) expect(types).toContain(`<Default Extension="${ext}"`);

    const manifest = text(zip, 'extension.vsixmanifest');
    expect(manifest).toContain(`<Identity Language="en-US" Id="${pkg.name}" Version="${pkg.version}" Publisher="${pkg.publisher}"/>`);
    expect(manifest).toContain('<InstallationTarget Id="Microsoft.VisualStudio.Code"/>');
    expect(manifest).toContain(`<Property Id="Microsoft.VisualStudio.Code.Engine" Value="${pkg.engines.vscode}" />`);
    for (const [, path] of manifest.matchAll(/<Asset Type="[^"]+" Path="([^"]+)"/g)) expect(names).toContain(path);
    expect(manifest).toContain('Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json"');

    const packed = JSON.parse(text(zip, 'extension/package.json'));
    expect(packed).toEqual(pkg);
    expect(names).toContain(join('extension', packed.main));
    expect(packed.contributes.commands.map((c: { command: string }) => c.command)).toEqual([CHECK_WORKSPACE]);
  });

  it('bundles vscode-languageclient: the script needs only vscode and Node built-ins', () => {
    const zip = new ZipArchive(new Uint8Array(readFileSync(vsixPath)), 64 * 1024 * 1024);
    const script = text(zip, 'extension/dist/extension.js');
    const required = new Set([...script.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!.replace(/^node:/, '')));
    expect(required).toContain('vscode');
    for (const name of required) expect(name === 'vscode' || builtinModules.includes(name), name).toBe(true);
    expect(script).toContain('TransportKind');
  });

  it.skipIf(!existsSync('/usr/bin/unzip'))('is a zip that another reader accepts (skipped without unzip)', () => {
    const run = spawnSync('unzip', ['-t', vsixPath], { encoding: 'utf8' });
    expect(run.status, run.stdout).toBe(0);
  });
});
