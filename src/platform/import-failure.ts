// Node names a module it cannot find together with the file that asked for it. When the module missing is
// the one wenfeng was asked to load (a plugin, a formatter, a config file, pdf-parse), that file is one of
// wenfeng's own (a dist/ chunk, or the launcher under the code cache): it tells the user nothing, and the
// two builds would word the same failure differently. A module missing inside a plugin keeps its importer,
// the plugin's file, which is the user's lead.
import { fileURLToPath } from 'node:url';

/** Rethrows `error` from importing `specifier`, without wenfeng's own file as the importer. */
export function withoutOwnImporter(specifier: string, error: unknown): never {
  if (error instanceof Error) {
    const wanted = specifier.startsWith('file:') ? fileURLToPath(specifier) : specifier;
    const [first = '', ...rest] = error.message.split('\n');
    const m = /^(.*?'([^']+)'.*?) imported from .+$/.exec(first);
    const missing = m?.[2]?.replace(/[\\/]$/, '');
    if (m && missing && (missing === wanted.replace(/[\\/]$/, '') || wanted.startsWith(`${missing}/`))) error.message = [m[1], ...rest].join('\n');
  }
  throw error;
}
