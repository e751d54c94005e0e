import fs from 'node:fs';
import path from 'node:path';

/**
 * The sample pack is copied once to the user's folder, so edits never touch the installed app.
 * The copy is made beside the target and renamed into place: a copy cut short (power loss, the app
 * killed) leaves only the side folder, which the next start removes and copies again, never a
 * half pack that would stay forever. Returns the target folder.
 */
export function copySamplePackOnce(bundled: string, target: string): string {
  if (fs.existsSync(target)) return target;
  const partial = target + '.partial';
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(bundled, partial, { recursive: true });
  fs.renameSync(partial, target);
  return target;
}
