import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { listPackFiles } from './packInventory.js';

/**
 * Zips a pack: every file but hidden ones (trash, temp files) and symbolic links. Paths are UTF-8
 * with forward slashes, so Chinese file names survive on every system.
 */
export function zipPack(root: string): { stream: NodeJS.ReadableStream; files: number } {
  const zip = new yazl.ZipFile();
  const files = listPackFiles(root);
  for (const rel of files) {
    const abs = path.join(root, rel);
    zip.addFile(abs, rel, { mode: 0o100644, mtime: fs.statSync(abs).mtime });
  }
  zip.end();
  return { stream: zip.outputStream, files: files.length };
}

export async function zipPackToBuffer(root: string): Promise<{ buffer: Buffer; files: number }> {
  const { stream, files } = zipPack(root);
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
  return { buffer: Buffer.concat(chunks), files };
}

/** Writes the zip next to its destination and renames it into place: no half-written zip is ever left. */
export async function zipPackToFile(root: string, out: string): Promise<{ files: number; bytes: number }> {
  const tmp = `${out}.${process.pid}.partial`;
  const { stream, files } = zipPack(root);
  try {
    await new Promise<void>((resolve, reject) => {
      const ws = fs.createWriteStream(tmp);
      stream.on('error', reject);
      ws.on('error', reject);
      ws.on('finish', () => resolve());
      stream.pipe(ws);
    });
    fs.renameSync(tmp, out);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { files, bytes: fs.statSync(out).size };
}
