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
      imports(f).filter((i) => !rendererMayImport(i)).map((i) => `${f}: ${i.spec}`));
    expect(bad).toEqual([]);
  });

  it('the server and the CLI never import electron', () => {
    const bad = [...sources('electron/server'), ...sources('electron/cli')].flatMap((f) => imports(f).filter((i) => i.spec === 'electron').map((i) => `${f}: ${i.spec}`));
    expect(bad).toEqual([]);
  });

  it('the checker sees imports (it would fail if the rule were broken)', () => {
    expect(imports('renderer/src/api/client.ts').some((i) => i.resolved === 'electron/contract' && i.typeOnly)).toBe(true);
    expect(imports('electron/main/main.ts').some((i) => i.spec === 'electron')).toBe(true);
    // Feature contract files are reached only through the index, and never for values.
    expect(rendererMayImport({ typeOnly: true, resolved: 'electron/contract' })).toBe(true);
    expect(rendererMayImport({ typeOnly: true, resolved: 'electron/contract/library' })).toBe(false);
    expect(rendererMayImport({ typeOnly: false, resolved: 'electron/contract' })).toBe(false);
  });

  it('feature contract files import only zod and each other (the renderer sees them through the index)', () => {
    const bad = sources('electron/contract').flatMap((f) =>
      imports(f).filter((i) => i.spec !== 'zod' && !/^electron\/contract\/[A-Za-z]+$/.test(i.resolved.replace(/\.js$/, ''))).map((i) => `${f}: ${i.spec}`));
    expect(sources('electron/contract').length).toBeGreaterThan(5);
    expect(bad).toEqual([]);
  });
});

describe('import cycles', () => {
  it('no file of electron/ imports itself back through others', () => {
    const graph = new Map<string, string[]>();
    for (const f of sources('electron')) graph.set(f, imports(f).filter((i) => i.spec.startsWith('.')).map((i) => toFile(i.resolved)));
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph)).toEqual([]);
  });

  it('no folder of electron/core depends on itself through others (e.g. health → authoring → health)', () => {
    const graph = coreFolderGraph();
    expect(graph.get('authoring')?.length).toBeGreaterThan(2);
    const found = cycles(new Map([...graph].map(([k, v]) => [k, v.map((e) => e.to)])));
    // Name one import per step, so the message says which line to move.
    const explain = found.map((c) => c.split(' → ').map((n, i, all) => (i + 1 < all.length ? graph.get(n)!.find((e) => e.to === all[i + 1])!.via : n)).join('  ⇒  '));
    expect(explain).toEqual([]);
  });

  it('the cycle finder finds a cycle (it would fail if one came back)', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual(['a → b → c → a']);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });
});

/** Whether a renderer file may have this import: types only, and only from the contract's index. */
function rendererMayImport(i: { typeOnly: boolean; resolved: string }): boolean {
  return !i.resolved.startsWith('electron') || (i.typeOnly && /^electron\/contract(\.js|\.ts)?$/.test(i.resolved));
}

/** An import's resolved path (`x.js`, `x`, a folder) → the source file it means. */
function toFile(resolved: string): string {
  const base = resolved.replace(/\.js$/, '');
  for (const c of [base + '.ts', base + '.tsx', base + '/index.ts']) if (fs.existsSync(c)) return c;
  return resolved;
}

/**
 * electron/core as a graph of its folders (a file at the top level is a node of its own), each edge
 * with one import that makes it. Type-only imports count: they tie the layers as much as values do.
 */
function coreFolderGraph(): Map<string, Array<{ to: string; via: string }>> {
  const CORE = 'electron/core/';
  const nodeOf = (file: string) => file.slice(CORE.length).split('/')[0];
  const graph = new Map<string, Array<{ to: string; via: string }>>();
  for (const f of sources('electron/core')) {
    const from = nodeOf(f);
    const edges = graph.get(from) ?? [];
    graph.set(from, edges);
    for (const i of imports(f)) {
      const target = toFile(i.resolved);
      if (!i.spec.startsWith('.') || !target.startsWith(CORE)) continue;
      const to = nodeOf(target);
      if (to !== from && !edges.some((e) => e.to === to)) edges.push({ to, via: `${f} → ${target}` });
    }
  }
  return graph;
}

/** Every cycle a depth-first walk meets, each as `a → b → a`, starting where the walk entered it. */
function cycles(graph: Map<string, string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const out: string[] = [];
  const visit = (n: string, trail: string[]) => {
    if (state.get(n) === 'done') return;
    if (state.get(n) === 'open') { out.push([...trail.slice(trail.indexOf(n)), n].join(' → ')); return; }
    state.set(n, 'open');
    for (const t of graph.get(n) ?? []) visit(t, [...trail, n]);
    state.set(n, 'done');
  };
  for (const n of [...graph.keys()].sort()) visit(n, []);
  return out;
}

