// Turning the command line's files, directories and globs into the list of drafts to check.
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../readers/index.js';
import { globToRegExp, isGlob, matchesIgnorePattern } from './glob.js';
import { notARegularFile } from './regular-file.js';
import { COMMAND_NAMES, nearest } from '../usage.js';

export interface Target {
  /** The path as it will be shown (relative to the working directory when given so). */
  path: string;
}

/** A path the user named that yields nothing to check, or cannot be opened. */
export interface TargetError {
  path: string;
  code: string;
  zh: string;
  en: string;
}

export interface Collected {
  /** Drafts and problems, in the order the inputs named them. */
  entries: Array<{ target: Target } | { error: TargetError }>;
  /** Symlinks met in a directory that lead out of it and were not followed (no --follow-symlinks). */
  notFollowed: string[];
}

export interface CollectOptions {
  /** Follow symlinks that lead out of the directory being checked (--follow-symlinks). */
  followSymlinks?: boolean;
}

/** What one walk of a named directory shares: its real root, the directories seen, what was skipped. */
interface Walk {
  root: string;
  ignored: IgnoreTest;
  seen: Set<string>;
  errors: TargetError[];
  notFollowed: string[];
  followSymlinks: boolean;
}

const inside = (root: string, real: string): boolean => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);

export type IgnoreTest = (absPath: string) => boolean;

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

const isDraft = (name: string): boolean => SUPPORTED_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

const toSlash = (p: string): string => p.split(sep).join('/');

/** Reads `.wenfengignore` in the working directory, if any, into an ignore test. */
export async function readIgnoreFile(cwd: string): Promise<IgnoreTest> {
  let patterns: string[] = [];
  try {
    patterns = (await readFile(join(cwd, '.wenfengignore'), 'utf8')).split(/\r?\n/);
  } catch {
    return () => false;
  }
  return (absPath) => {
    const rel = toSlash(relative(cwd, absPath));
    return !rel.startsWith('..') && patterns.some((p) => matchesIgnorePattern(rel, p));
  };
}

async function walk(dir: string, shown: string, out: Target[], w: Walk): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch {
    return;
  }
  // A symlink back up the tree would otherwise recurse for ever.
  if (w.seen.has(real)) return;
  w.seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    w.errors.push(fsError(shown, error));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    const show = shown === '.' ? entry.name : `${shown}/${entry.name}`;
    if (ALWAYS_SKIPPED.has(entry.name) || w.ignored(abs)) continue;
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = await realpath(abs).catch(() => undefined);
      if (!target) continue; // a dangling link inside a directory is not a draft
      // A link out of the directory is how /proc/self/environ or a home directory gets swept in.
      if (!w.followSymlinks && !inside(w.root, target)) {
        if (isDraft(entry.name) || (await stat(abs).catch(() => undefined))?.isDirectory()) w.notFollowed.push(show);
        continue;
      }
      isDir = (await stat(abs).catch(() => undefined))?.isDirectory() ?? false;
    }
    if (isDir) {
      await walk(abs, show, out, w);
      continue;
    }
    if (!isDraft(entry.name)) continue;
    // Named like a draft: it must be a regular file, checked before anything opens it.
    const refused = await notARegularFile(abs).catch((error: unknown) => fsError(show, error));
    if (!refused) out.push({ path: show });
    else w.errors.push({ path: show, code: refused.code, zh: refused.zh, en: refused.en });
  }
}

async function newWalk(dir: string, ignored: IgnoreTest, options: CollectOptions, notFollowed: string[], errors: TargetError[] = []): Promise<Walk> {
  const root = await realpath(dir).catch(() => dir);
  return { root, ignored, seen: new Set(), errors, notFollowed, followSymlinks: Boolean(options.followSymlinks) };
}

/** `wenfeng rule` is a command typed wrong more often than a draft named "rule": say which command it may be. */
function withCommandGuess(error: TargetError, input: string): TargetError {
  const guess = error.code === 'enoent' && /^[a-z][a-z-]*$/i.test(input) ? nearest(input, COMMAND_NAMES) : undefined;
  return guess ? { ...error, zh: `${error.zh}；是否想用命令 wenfeng ${guess}？`, en: `${error.en}; did you mean the command \`wenfeng ${guess}\`?` } : error;
}

export function fsError(path: string, error: unknown): TargetError {
  const code = (error as NodeJS.ErrnoException)?.code ?? 'EIO';
  const text: Record<string, [string, string]> = {
    ENOENT: ['文件或目录不存在', 'no such file or directory'],
    EACCES: ['没有读取权限', 'permission denied'],
    EPERM: ['没有读取权限', 'permission denied'],
    ELOOP: ['符号链接循环', 'symbolic link loop'],
    EISDIR: ['这是一个目录', 'is a directory'],
  };
  const [zh, en] = text[code] ?? ['无法读取', `cannot read (${code})`];
  return { path, code: code.toLowerCase(), zh, en };
}

async function expandGlob(pattern: string, cwd: string, ignored: IgnoreTest, out: Target[], errors: TargetError[], options: CollectOptions, notFollowed: string[]): Promise<void> {
  const parts = toSlash(pattern).split('/');
  const firstGlob = parts.findIndex(isGlob);
  const base = parts.slice(0, firstGlob).join('/') || '.';
  const re = globToRegExp(parts.join('/').replace(/^\.\//, ''));
  const found: Target[] = [];
  const foundErrors: TargetError[] = [];
  const w = await newWalk(resolve(cwd, base), ignored, options, [], foundErrors);
  await walk(resolve(cwd, base), base, found, w);
  const matches = (path: string): boolean => re.test(path.replace(/^\.\//, ''));
  for (const t of found) if (matches(t.path)) out.push(t);
  for (const e of foundErrors) if (matches(e.path)) errors.push(e);
  for (const n of w.notFollowed) if (matches(n)) notFollowed.push(n);
}

export async function collectTargets(inputs: string[], cwd: string, ignored: IgnoreTest, options: CollectOptions = {}): Promise<Collected> {
  const entries: Collected['entries'] = [];
  const notFollowed: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const targets: Target[] = [];
    const errors: TargetError[] = [];
    const abs = resolve(cwd, input);
    const info = await stat(abs).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (info instanceof Error) {
      if (isGlob(input) && info.code === 'ENOENT') {
        const before = targets.length;
        await expandGlob(input, cwd, ignored, targets, errors, options, notFollowed);
        if (targets.length === before && !errors.length) errors.push({ path: input, code: 'no-match', zh: '没有匹配的文稿', en: 'no drafts match this pattern' });
        for (const error of errors) entries.push({ error });
        for (const target of targets) if (!seen.has(resolve(cwd, target.path))) (seen.add(resolve(cwd, target.path)), entries.push({ target }));
        continue;
      }
      // Say "dangling symlink" rather than "does not exist" when that is the reason.
      const link = await lstat(abs).catch(() => undefined);
      if (link?.isSymbolicLink() && info.code === 'ENOENT') errors.push({ path: input, code: 'dangling-link', zh: '符号链接指向的文件不存在', en: 'dangling symbolic link' });
      else errors.push(withCommandGuess(fsError(input, info), input));
      entries.push(...errors.map((error) => ({ error })));
      continue;
    }
    if (info.isDirectory()) {
      const before = targets.length;
      await walk(abs, toSlash(input).replace(/\/+$/, '') || '.', targets, await newWalk(abs, ignored, options, notFollowed, errors));
      if (targets.length === before && !errors.length) {
        errors.push({ path: input, code: 'no-drafts', zh: `目录中没有可检查的文稿（支持 ${SUPPORTED_EXTENSIONS.join(' ')}）`, en: `no drafts in this directory (supported: ${SUPPORTED_EXTENSIONS.join(' ')})` });
      }
    } else if (!ignored(abs)) {
      // A path named on the command line is checked too: a FIFO would block the run at open().
      const refused = await notARegularFile(abs).catch((error: unknown) => fsError(input, error));
      if (refused) errors.push({ path: input, code: refused.code, zh: refused.zh, en: refused.en });
      else targets.push({ path: input });
    }
    for (const error of errors) entries.push({ error });
    for (const target of targets) {
      // The same file named twice is checked once.
      const key = resolve(cwd, target.path);
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ target });
    }
  }
  return { entries, notFollowed };
}
