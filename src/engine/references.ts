// Upstream documents (--against, config `references`) read once per run and shared by every draft.
import { readFile } from 'node:fs/promises';
import { buildDocument } from '../document/build.js';
import type { Document } from '../document/model.js';
import { readDocumentBytes } from '../readers/index.js';
import { ReadError } from '../readers/types.js';
import { notARegularFile } from '../files/regular-file.js';

export class ReferenceFileError extends Error {
  override readonly name = 'ReferenceFileError';
  constructor(readonly path: string, readonly zh: string, readonly en: string) {
    super(`${path}: ${en}`);
  }
}

const cache = new Map<string, Promise<Document>>();

export function loadReference(absPath: string, maxInflatedBytes: number): Promise<Document> {
  let doc = cache.get(absPath);
  if (!doc) {
    doc = (async () => {
      try {
        // A FIFO or a /proc file given as a reference would block or leak like one given as a draft.
        const refused = await notARegularFile(absPath);
        if (refused) throw new ReferenceFileError(absPath, `对照文件：${refused.zh}`, `reference: ${refused.en}`);
        const bytes = new Uint8Array(await readFile(absPath));
        return await buildDocument(await readDocumentBytes(bytes, absPath, { maxInflatedBytes }), absPath);
      } catch (error) {
        if (error instanceof ReferenceFileError) throw error;
        if (error instanceof ReadError) throw new ReferenceFileError(absPath, `无法读取对照文件：${error.zh}`, `cannot read the reference: ${error.en}`);
        const code = (error as NodeJS.ErrnoException)?.code;
        throw new ReferenceFileError(absPath, code === 'ENOENT' ? '对照文件不存在' : `无法读取对照文件（${code ?? String(error)}）`, code === 'ENOENT' ? 'reference not found' : `cannot read the reference (${code ?? String(error)})`);
      }
    })();
    cache.set(absPath, doc);
  }
  return doc;
}
