// The wenfeng package folder, where the rule pages (docs/rules/) ship: found by walking up from this module
// (dist/ in the bundle, src/formatters/ from sources) to the package.json named "wenfeng". Node only.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let packageRoot: string | null | undefined;

/** The package folder, or null when no package.json named "wenfeng" is above this module; looked up once. */
export function findPackageRoot(): string | null {
  if (packageRoot !== undefined) return packageRoot;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'wenfeng') return (packageRoot = dir);
    } catch {
      // not here: look one folder up
    }
    if (dirname(dir) === dir) return (packageRoot = null);
  }
}
