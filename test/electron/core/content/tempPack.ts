import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MANIFEST = 'id: t\nname: 测试包\nversion: 1.0.0\nlanguage: zh-CN\n';

/** Writes a pack into a fresh temp folder: `{ 'articles/a.md': '…' }`; a manifest is added unless given. */
export function tempPack(files: Record<string, string | Uint8Array>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-pack-'));
  const all = { 'handbook.yaml': MANIFEST, ...files };
  for (const [rel, content] of Object.entries(all)) writeFile(root, rel, content);
  return root;
}

export function writeFile(root: string, rel: string, content: string | Uint8Array): void {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
}

/** A tiny valid PNG (1×1), so image tests load something real. */
export const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
