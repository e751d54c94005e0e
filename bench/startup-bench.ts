/*
 * Start-up benchmark, browser mode in Debian's Chromium: time from launching `handbook serve` to an
 * interactive home screen, and to the first search result typed into the palette. Measured with
 * the bundled sample pack and with a generated 1,000-article pack, cold (no index cache) and warm.
 *
 *   node scripts/bench.mjs --startup-only        (or as part of `npm run bench`)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { makeDoc } from './corpus.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync', '--disable-component-update'];

/** Writes the generated corpus as a real content pack (markdown with front matter). */
function writePack(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hb-startup-${n}-`));
  fs.writeFileSync(path.join(dir, 'handbook.yaml'), `id: bench-${n}\nname: Bench ${n}\nversion: 1.0.0\nlanguage: zh-CN\n`);
  for (let i = 0; i < n; i++) {
    const d = makeDoc(i);
    const file = path.join(dir, 'articles', `${d.id}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const sections = d.headings.map((h, k) => `## ${h}\n\n${d.body.slice((k * d.body.length) / d.headings.length, ((k + 1) * d.body.length) / d.headings.length)}`);
    fs.writeFileSync(file, `---\ntitle: ${JSON.stringify(d.title)}\ntags: ${JSON.stringify(d.tags)}\nroles: ${JSON.stringify(d.roles)}\nplatforms: ${JSON.stringify(d.platforms)}\n---\n# ${d.title}\n\n${sections.join('\n\n')}\n`);
  }
  return dir;
}

interface Run { serverMs: number; homeMs: number; firstResultMs: number }

async function launchOnce(contentDir: string, dataDir: string, query: string): Promise<Run> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/handbook.js', 'serve', '--port', '0', '--content', contentDir, '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (c) => reject(new Error('serve exited ' + c)));
  });
  const serverMs = performance.now() - t0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    const tPage = performance.now();
    await page.goto(url);
    await page.locator('main h1').first().waitFor();
    const homeMs = serverMs + (performance.now() - tPage);
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill(query);
    await page.locator('#palette-results .search-hit').first().waitFor({ timeout: 120_000 });
    const firstResultMs = serverMs + (performance.now() - tPage);
    return { serverMs, homeMs, firstResultMs };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function runStartupBench(): Promise<Record<string, Run>> {
  const packs: Array<[string, string, string]> = [
    ['sample pack', path.resolve('content'), '退款'],
    ['1,000 articles', writePack(1000), '退款申请'],
  ];
  const results: Record<string, Run> = {};
  for (const [name, dir, query] of packs) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-startup-data-'));
    results[`${name}, cold`] = await launchOnce(dir, dataDir, query);
    results[`${name}, warm`] = await launchOnce(dir, dataDir, query);
  }
  console.log('\n| start-up (browser mode) | server ready | home interactive | first search result |\n|---|--:|--:|--:|');
  for (const [k, r] of Object.entries(results)) {
    console.log(`| ${k} | ${r.serverMs.toFixed(0)} ms | ${r.homeMs.toFixed(0)} ms | ${r.firstResultMs.toFixed(0)} ms |`);
  }
  fs.writeFileSync('bench/startup-results.json', JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
  return results;
}

await runStartupBench();
