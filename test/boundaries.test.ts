import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Layer rules from DESIGN.md, checked on every import statement of the sources. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function imports(file: string): Array<{ spec: string; typeOnly: boolean; resolved: string }> {
  const text = fs.readFileSync(file, 'utf8');
  const out: Array<{ spec: string; typeOnly: boolean; resolved: string }> = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4] ?? m[5];
    const typeOnly = m[2] !== undefined;
    const resolved = spec.startsWith('.') ? path.relative('.', path.resolve(path.dirname(file), spec)).split(path.sep).join('/') : spec;
    out.push({ spec, typeOnly, resolved });
  }
  return out;
}

describe('layer boundaries', () => {
  it('core never imports electron, main, preload, server, cli or renderer', () => {
    const bad = sources('electron/core').flatMap((f) =>
      imports(f).filter((i) => i.spec === 'electron' || /^electron\/(main|preload|server|cli)\//.test(i.resolved) || i.resolved.startsWith('renderer/')).map((i) => `${f}: ${i.spec}`));
    expect(bad).toEqual([]);
  });

  it('renderer imports only types from electron/, and only from the contract', () => {
    const bad = sources('renderer/src').flatMap((f) =>
      imports(f).filter((i) => i.resolved.startsWith('electron') && !(i.typeOnly && /^electron\/contract(\.js|\.ts)?$/.test(i.resolved))).map((i) => `${f}: ${i.spec}`));
    expect(bad).toEqual([]);
  });

  it('the server and the CLI never import electron', () => {
    const bad = [...sources('electron/server'), ...sources('electron/cli')].flatMap((f) => imports(f).filter((i) => i.spec === 'electron').map((i) => `${f}: ${i.spec}`));
    expect(bad).toEqual([]);
  });

  it('the checker sees imports (it would fail if the rule were broken)', () => {
    const tmp = path.join('renderer', 'src', '__boundary_probe.ts');
    expect(imports('renderer/src/api/client.ts').some((i) => i.resolved === 'electron/contract' && i.typeOnly)).toBe(true);
    expect(imports('electron/main/main.ts').some((i) => i.spec === 'electron')).toBe(true);
    expect(fs.existsSync(tmp)).toBe(false);
  });
});
