// A progress bar on stderr for long runs at a terminal — never in CI logs or machine-readable output.
export function progressBar(stream: NodeJS.WriteStream): { update: (done: number, total: number) => void; end: () => void } {
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 80) return;
      last = now;
      const width = 24;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
    },
    end() {
      stream.write('\r\x1b[K');
    },
  };
}

/** Whether to show progress: a terminal, more than a handful of files, a human format, not CI. */
export function wantsProgress(stream: NodeJS.WriteStream, files: number, format: string): boolean {
  return Boolean(stream.isTTY) && !process.env.CI && files > 5 && (format === 'stylish' || format === 'html');
}
