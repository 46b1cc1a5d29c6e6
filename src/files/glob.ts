// A small glob matcher (**, *, ?, [..], {a,b}) — Node 20 has neither fs.glob nor path.matchesGlob.

const cache = new Map<string, RegExp>();

function escape(ch: string): string {
  return /[.+^$()|\\]/.test(ch) ? `\\${ch}` : ch;
}

/** Converts a glob to a regular expression over '/'-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches zero or more directories; a trailing "**" matches everything below.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (ch === '{') {
      braces++;
      re += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (ch === ',' && braces > 0) re += '|';
    else re += escape(ch);
  }
  const result = new RegExp(`^${re}$`, 'u');
  cache.set(glob, result);
  return result;
}

export function isGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/**
 * Whether a path (relative, '/'-separated) matches a pattern the way .gitignore-style lists mean it:
 * a pattern without a slash matches the name at any depth; a match on a directory covers what is below.
 */
export function matchesIgnorePattern(relPath: string, pattern: string): boolean {
  let p = pattern.trim();
  if (!p || p.startsWith('#')) return false;
  const dirOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  const anchored = p.includes('/');
  p = p.replace(/^\//, '');
  const re = globToRegExp(anchored ? p : `**/${p}`);
  const parts = relPath.split('/');
  // Check the path itself and each of its parent directories.
  for (let n = parts.length; n >= 1; n--) {
    if (dirOnly && n === parts.length) continue;
    if (re.test(parts.slice(0, n).join('/'))) return true;
  }
  return false;
}
