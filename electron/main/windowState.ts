import fs from 'node:fs';
import path from 'node:path';

export interface Bounds { x: number; y: number; width: number; height: number }
export interface WindowState { bounds: Bounds | null; maximized: boolean }
export interface WorkArea { x: number; y: number; width: number; height: number }

const FILE = 'window-state.json';
const MIN = { width: 820, height: 560 };

/** Last window size and place, if it still fits on one of today's screens (a monitor may be gone). */
export function loadWindowState(dir: string, screens: WorkArea[]): WindowState {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, FILE), 'utf8'));
    const b = raw?.bounds;
    const valid = b && [b.x, b.y, b.width, b.height].every(Number.isFinite) && b.width >= MIN.width && b.height >= MIN.height;
    const visible = valid && screens.some((s) => b.x < s.x + s.width - 80 && b.x + b.width > s.x + 80 && b.y >= s.y - 10 && b.y < s.y + s.height - 80);
    return { bounds: visible ? { x: b.x, y: b.y, width: b.width, height: b.height } : null, maximized: raw?.maximized === true };
  } catch {
    return { bounds: null, maximized: false };
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  const file = path.join(dir, FILE);
  try {
    fs.writeFileSync(file + '.tmp', JSON.stringify(state));
    fs.renameSync(file + '.tmp', file);
  } catch {
    // Losing the window position is not worth an error dialog.
  }
}
