// Only regular files are drafts. A FIFO blocks whoever opens it until a writer comes, a device such as
// /dev/zero never ends, and a /proc or /sys file reports size 0 (or 4096) whatever it holds — and may
// hold secrets (/proc/self/environ). Each is refused from its metadata alone (stat, statfs): nothing
// here ever opens the file.
import { stat, statfs } from 'node:fs/promises';
import type { Stats } from 'node:fs';

export interface NotAFile {
  code: string;
  zh: string;
  en: string;
}

/** statfs magic numbers of kernel pseudo-filesystems (linux/magic.h) whose files are not documents. */
const PSEUDO_FILESYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0xcafe4a11, 'bpf'],
  [0x62656570, 'configfs'],
  [0x6165676c, 'pstore'],
  [0xde5e81e0, 'efivarfs'],
  [0x1cd1, 'devpts'],
  [0xf97cff8c, 'selinuxfs'],
  [0x65735543, 'fusectl'],
]);

/** Where statfs is missing: the usual mount points of the same filesystems. */
const PSEUDO_ROOTS = /^\/(proc|sys|dev)(\/|$)/;

function kindOf(info: Stats): NotAFile | undefined {
  if (info.isFile()) return undefined;
  if (info.isFIFO()) return { code: 'fifo', zh: '这是命名管道（FIFO），不是普通文件，未打开', en: 'a named pipe (FIFO), not a regular file; not opened' };
  if (info.isSocket()) return { code: 'socket', zh: '这是套接字，不是普通文件，未打开', en: 'a socket, not a regular file; not opened' };
  if (info.isCharacterDevice() || info.isBlockDevice()) return { code: 'device', zh: '这是设备文件，不是普通文件，未打开', en: 'a device, not a regular file; not opened' };
  if (info.isDirectory()) return { code: 'eisdir', zh: '这是一个目录', en: 'is a directory' };
  return { code: 'not-a-file', zh: '不是普通文件，未打开', en: 'not a regular file; not opened' };
}

async function pseudoFilesystem(absPath: string, realPath: string): Promise<string | undefined> {
  let fs: Awaited<ReturnType<typeof statfs>> | undefined;
  try {
    fs = await statfs(absPath);
  } catch {
    fs = undefined;
  }
  if (fs) return PSEUDO_FILESYSTEMS.get(Number(fs.type));
  return PSEUDO_ROOTS.test(realPath) ? realPath.split('/')[1] : undefined;
}

/**
 * Why `absPath` (followed through symlinks) is not a regular file that can be read, or undefined when it
 * is one. `realPath`, when known, serves the fallback test where statfs is unavailable.
 */
export async function notARegularFile(absPath: string, realPath = absPath): Promise<NotAFile | undefined> {
  const info = await stat(absPath); // errors (ENOENT, EACCES, ELOOP) are the caller's to word
  const kind = kindOf(info);
  if (kind) return kind;
  const pseudo = await pseudoFilesystem(absPath, realPath);
  if (pseudo) return { code: 'pseudo-file', zh: `这是系统伪文件（${pseudo}），不是文稿，未读取`, en: `a kernel pseudo-file (${pseudo}), not a draft; not read` };
  return undefined;
}
