/*
 * Hostile markdown benchmark (issue 14): while the server parses a pathological article in its
 * markdown pool, how long can the server's own thread be kept from answering anyone else? The
 * server runs in this process; the hostile `previewMarkdown` is sent from a child process (so the
 * client's own JSON work is not counted against the server), and a 1 ms timer in the server's
 * thread records its longest gap. The same timer over the same time with nothing to do is the quiet
 * baseline of this run (the machine's own noise: other processes, GC).
 *
 *   node scripts/bench.mjs --hostile-only        (or as part of `npm run bench`)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/core/index.js';
import { startServer } from '../electron/server/http-server.js';

const TOKEN = 'hostile-bench-token-abcdefghijkl';

/** Longest gaps of a 1 ms timer (past its 1 ms) while `work` runs: what a request arriving then would wait. */
async function gaps(work: () => Promise<unknown>): Promise<{ worst: number; p99: number; ms: number }> {
  const seen: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    seen.push(now - last - 1);
    last = now;
  }, 1);
  const t0 = performance.now();
  last = t0;
  await work();
  const ms = performance.now() - t0;
  clearInterval(timer);
  seen.sort((a, b) => a - b);
  return { worst: seen.at(-1) ?? 0, p99: seen[Math.floor(seen.length * 0.99)] ?? 0, ms };
}

/** Sends one API call from another process and waits for its answer. */
function callFromChild(port: number, method: string, arg: unknown): Promise<void> {
  const file = path.join(os.tmpdir(), `hb-hostile-arg-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(arg));
  const code = `const b=require('fs').readFileSync(${JSON.stringify(file)});fetch('http://127.0.0.1:${port}/api/${method}',{method:'POST',headers:{Authorization:'Bearer ${TOKEN}','Content-Type':'application/json'},body:b}).then(r=>r.text()).then(t=>{if(!t.includes('plain-text')&&!t.includes('html'))process.exit(2)}).catch(()=>process.exit(1))`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
    child.on('exit', (c) => { fs.rmSync(file, { force: true }); if (c === 0) resolve(); else reject(new Error(`${method} from the child failed (${c})`)); });
  });
}

export async function runHostileBench(): Promise<void> {
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-hostile-bench-pack-'));
  fs.cpSync(path.resolve('content'), contentDir, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-hostile-bench-data-'));
  const core = await createCore({ contentDir, dataDir });
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-hostile-bench-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  const server = await startServer({ api: core, contentDir: () => core.contentDir, staticDir, token: TOKEN });
  const trainer = await core.createProfile({ name: '培训师', roleId: 'customer-service', trainer: true, passphrase: 'hostile bench 24680' });
  const token = (await core.openEditSession({ profileId: trainer.id, passphrase: 'hostile bench 24680' })).token;
  const cases: Array<[string, string]> = [
    ['`*a` × 300,000 (586 KB)', '*a'.repeat(300_000)],
    ['20,000 reference links', Array.from({ length: 20_000 }, (_, i) => `[a][r${i}]`).join(' ') + '\n\n' + Array.from({ length: 20_000 }, (_, i) => `[r${i}]: http://x.example/${i}`).join('\n')],
  ];
  const rows: string[] = [];
  try {
    for (const [name, markdown] of cases) {
      const busy = await gaps(() => callFromChild(server.port, 'previewMarkdown', { token, markdown }));
      const quiet = await gaps(() => new Promise((r) => setTimeout(r, busy.ms)));
      rows.push(`| ${name} | ${busy.ms.toFixed(0)} ms | ${busy.worst.toFixed(1)} ms | ${busy.p99.toFixed(1)} ms | ${quiet.worst.toFixed(1)} ms | ${quiet.p99.toFixed(1)} ms |`);
      console.error(rows.at(-1));
    }
  } finally {
    await server.close();
    await core.close();
  }
  console.log('\n## Hostile markdown: the server\'s thread while the pool parses it (same run)\n');
  console.log('| previewMarkdown of | answered after | longest gap | p99 gap | quiet: longest gap | quiet: p99 gap |\n|---|--:|--:|--:|--:|--:|');
  for (const r of rows) console.log(r);
  console.log('\nGap: how late a 1 ms timer in the server\'s thread fired, i.e. the longest any other request would have waited to start. Quiet: the same timer for the same time with no request.');
}

await runHostileBench();
