import type { ProgressFile } from '../../../../electron/contract';

/** Saves an export through the browser's download (Electron shows its save dialog for it). */
export function saveFile(file: ProgressFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
