// Bundles the VS Code extension (vscode-languageclient inside, `vscode` supplied by the editor) and packs
// it as a .vsix: a zip holding [Content_Types].xml, extension.vsixmanifest and the extension under
// extension/ — the layout VS Code's "Install from VSIX…" and `code --install-extension` read. Written with
// wenfeng's own zip writer (dist/zip-write.js), so packing needs no vsce.
//
//   node editors/vscode/build.mjs        (run by `npm run build`, after the main bundle)
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');

const escapeXml = (s) => String(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);

const CONTENT_TYPES = { '.json': 'application/json', '.js': 'application/javascript', '.md': 'text/markdown', '.vsixmanifest': 'text/xml' };

function vsixManifest(pkg) {
  const assets = [
    ['Microsoft.VisualStudio.Code.Manifest', 'extension/package.json'],
    ['Microsoft.VisualStudio.Services.Content.Details', 'extension/README.md'],
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
  <Metadata>
    <Identity Language="en-US" Id="${escapeXml(pkg.name)}" Version="${escapeXml(pkg.version)}" Publisher="${escapeXml(pkg.publisher)}"/>
    <DisplayName>${escapeXml(pkg.displayName)}</DisplayName>
    <Description xml:space="preserve">${escapeXml(pkg.description)}</Description>
    <Tags>${escapeXml(['linters', 'chinese', 'markdown'].join(','))}</Tags>
    <Categories>${escapeXml(pkg.categories.join(','))}</Categories>
    <GalleryFlags>Public</GalleryFlags>
    <Properties>
      <Property Id="Microsoft.VisualStudio.Code.Engine" Value="${escapeXml(pkg.engines.vscode)}" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionDependencies" Value="" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionPack" Value="" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionKind" Value="workspace" />
    </Properties>
  </Metadata>
  <Installation>
    <InstallationTarget Id="Microsoft.VisualStudio.Code"/>
  </Installation>
  <Dependencies/>
  <Assets>
${assets.map(([type, path]) => `    <Asset Type="${type}" Path="${path}" Addressable="true" />`).join('\n')}
  </Assets>
</PackageManifest>
`;
}

function contentTypes(names) {
  const exts = [...new Set(names.map((n) => extname(n)).filter((e) => CONTENT_TYPES[e]))].sort();
  return `<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
${exts.map((e) => `  <Default Extension="${e}" ContentType="${CONTENT_TYPES[e]}"/>`).join('\n')}
</Types>
`;
}

export async function buildExtension() {
  const pkg = JSON.parse(readFileSync(join(HERE, 'package.json'), 'utf8'));
  const out = join(HERE, 'dist');
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(HERE, 'src/extension.ts')],
    outfile: join(out, 'extension.js'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    minify: true,
    logLevel: 'warning',
  });
  const files = {
    'extension/package.json': readFileSync(join(HERE, 'package.json')),
    'extension/README.md': readFileSync(join(HERE, 'README.md')),
    'extension/dist/extension.js': readFileSync(join(out, 'extension.js')),
  };
  const names = ['extension.vsixmanifest', ...Object.keys(files)];
  const { writeZip } = await import(pathToFileURL(join(ROOT, 'dist', 'zip-write.js')).href);
  const vsix = writeZip([
    { name: '[Content_Types].xml', data: contentTypes(names) },
    { name: 'extension.vsixmanifest', data: vsixManifest(pkg) },
    ...Object.entries(files).map(([name, data]) => ({ name, data: new Uint8Array(data) })),
  ]);
  const file = join(out, `${pkg.name}-${pkg.version}.vsix`);
  writeFileSync(file, vsix);
  return file;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await buildExtension());
