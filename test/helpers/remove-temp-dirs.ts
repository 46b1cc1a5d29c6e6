// Set up before every test file (vitest.config.ts): the folders its tests made with tempDir() are removed
// when the file's tests end, so a test run leaves nothing in the temp folder (it used to leave ~150).
import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { madeTempDirs } from './run-cli.js';

afterAll(() => {
  for (const dir of madeTempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
