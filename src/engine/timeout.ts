// The per-file time limit: a draft that takes too long is abandoned with a clear message, so one
// pathological file cannot hang a CI run over hundreds of drafts.

export interface TimeLimit {
  /** Seconds allowed per page-equivalent of input. */
  secondsPerPage: number;
  /** Seconds every file gets regardless of size. */
  baseSeconds: number;
}

export const DEFAULT_TIME_LIMIT: TimeLimit = { secondsPerPage: 3, baseSeconds: 10 };

/**
 * Page-equivalents of a file from its size, before it is read: a GB/T 9704 page holds 616 characters
 * (about 1.8 KB of UTF-8); a page of .pdf is rarely under 20 KB; a .docx or .ofd is deflated XML, and
 * repetitive content (a long table) packs a page into 4 KB or less.
 */
export function pageEquivalents(bytes: number, path: string): number {
  const perPage = /\.(txt|text|md|markdown)$/i.test(path) ? 1800 : /\.(docx|ofd|wps)$/i.test(path) ? 4_000 : 20_000;
  return Math.max(1, Math.ceil(bytes / perPage));
}

export function timeLimitMs(limit: TimeLimit, bytes: number, path: string): number {
  return Math.round((limit.baseSeconds + limit.secondsPerPage * pageEquivalents(bytes, path)) * 1000);
}

export const TIMEOUT_MESSAGE = (seconds: number): { zh: string; en: string } => ({
  zh: `处理超时（超过 ${seconds} 秒），已放弃此文件；可用 --timeout-per-page 放宽限制`,
  en: `timed out (over ${seconds} s); the file was abandoned — raise the limit with --timeout-per-page`,
});
