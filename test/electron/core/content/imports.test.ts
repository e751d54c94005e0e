import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Relative imports (value and type) of every file under electron/core/content, resolved to files. */
const DIR = 'electron/core/content';
const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/gm;
function edges(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of fs.readdirSync(DIR).filter((n) => n.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(DIR, f), 'utf8');
    out.set(f, [...text.matchAll(IMPORT)].map((m) => path.posix.join(DIR, m[1]).replace(/\.js$/, '.ts')));
  }
  return out;
}

describe('content/ imports', () => {
  it('never reach into onboarding/ (the folder cycle content → onboarding → content is gone)', () => {
    const bad = [...edges()].flatMap(([f, to]) => to.filter((t) => !t.startsWith(DIR + '/')).map((t) => `${f} → ${t}`));
    expect(bad.filter((b) => b.includes('/onboarding/'))).toEqual([]);
  });

  it('have no file cycles (links.ts ↔ pack.ts was one)', () => {
    const g = edges();
    const local = (t: string) => (t.startsWith(DIR + '/') && !t.slice(DIR.length + 1).includes('/') ? t.slice(DIR.length + 1) : null);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') { cycles.push([...trail.slice(trail.indexOf(f)), f].join(' → ')); return; }
      state.set(f, 'open');
      for (const t of g.get(f) ?? []) { const l = local(t); if (l) visit(l, [...trail, f]); }
      state.set(f, 'done');
    };
    for (const f of g.keys()) visit(f, []);
    expect(g.size).toBeGreaterThan(10);
    expect(cycles).toEqual([]);
  });
});
