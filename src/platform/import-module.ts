// import() of a module that is not in the bundle: a plugin, a custom formatter, a JavaScript config file,
// pdf-parse and its pdf.js worker. Kept in one place because the CLI script behind the code cache
// (bin/cli-script.js) cannot make such an import itself on Node 20 — a function restored from V8's code
// cache has lost the loader it was compiled with — so that build swaps this module for one that asks
// the launcher to import (scripts/build.mjs). Both say the same when the module is missing.
import { withoutOwnImporter } from './import-failure.js';

// The module, typed as import() of a computed specifier types it.
export const importModule = (specifier: string): Promise<any> => import(specifier).catch((error: unknown) => withoutOwnImporter(specifier, error));
