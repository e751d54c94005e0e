// `npm start`: launches the desktop app. Electron's package fetches its binary on first use, and
// prints "Downloading Electron binary..." on stdout before the path; the path is therefore read
// after a marker of our own. Whatever goes wrong (no download server, a hung download, a binary that
// will not start), the person gets one paragraph of advice, never a stack trace; the details go to
// a log file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MARK = '<<handbook:electron-path>>';
// Generous: a first download is ~100 MB. Overridable for slow links (and for tests).
const timeoutMs = Number(process.env.HANDBOOK_ELECTRON_TIMEOUT_MS) || 20 * 60_000;
const logFile = path.join(os.tmpdir(), 'handbook-electron-start.log');
const log = [];

function giveUp(reason) {
  try {
    fs.writeFileSync(logFile, log.join('\n') + '\n');
  } catch {
    // The advice matters more than the log.
  }
  console.error([
    `Handbook could not start the desktop app: ${reason}.`,
    'Everything else works: `npm run serve` opens the same app in your browser at a local address.',
    'To get the desktop app, run `npx install-electron` (or delete node_modules/electron and run `npm install`)',
    "on a machine that can reach Electron's download server, then `npm start` again.",
    `Details: ${logFile}`,
  ].join(' '));
  process.exit(1);
}

/** Asks the installed `electron` package for its binary (downloading it first if needed). */
function electronPath() {
  return new Promise((resolve) => {
    const probe = spawn(process.execPath, ['-e', `process.stdout.write(${JSON.stringify('\n' + MARK)} + require('electron'))`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout also stops the download it started.
      detached: process.platform !== 'win32',
    });
    let out = '';
    let told = false;
    probe.stdout.on('data', (chunk) => {
      out += chunk;
      if (!told && out.includes('Downloading Electron')) {
        told = true;
        console.error('Downloading Electron for the first start (about 100 MB); this can take a few minutes…');
      }
    });
    probe.stderr.on('data', (chunk) => log.push(String(chunk)));
    const timer = setTimeout(() => {
      log.push(`no answer after ${timeoutMs} ms`);
      try {
        if (probe.pid) process.kill(process.platform === 'win32' ? probe.pid : -probe.pid, 'SIGKILL');
      } catch {
        probe.kill('SIGKILL');
      }
      log.push(out);
      const within = timeoutMs >= 60_000 ? `${Math.round(timeoutMs / 60_000)} minutes` : `${Math.round(timeoutMs / 1000)} s`;
      resolve({ error: `finding or downloading Electron did not finish within ${within} (set HANDBOOK_ELECTRON_TIMEOUT_MS to wait longer)` });
    }, timeoutMs);
    probe.on('error', (err) => {
      clearTimeout(timer);
      log.push(String(err));
      resolve({ error: `Node could not run the Electron check (${err.code ?? err.message})` });
    });
    probe.on('close', (code) => {
      clearTimeout(timer);
      log.push(out);
      const at = out.lastIndexOf(MARK);
      const file = at >= 0 ? out.slice(at + MARK.length).trim() : '';
      if (code !== 0 || !file) resolve({ error: 'the Electron binary is not installed and could not be downloaded' });
      else if (!fs.existsSync(file)) resolve({ error: `the Electron binary is missing (${file})` });
      else resolve({ file });
    });
  });
}

/**
 * Ubuntu 24.04+ forbids unprivileged user namespaces to programs without an AppArmor profile;
 * Chromium then needs chrome-sandbox owned by root with the setuid bit, or aborts at start.
 */
function linuxSandboxWarning(binary) {
  if (process.platform !== 'linux') return;
  try {
    if (fs.readFileSync('/proc/sys/kernel/apparmor_restrict_unprivileged_userns', 'utf8').trim() !== '1') return;
    const st = fs.statSync(path.join(path.dirname(binary), 'chrome-sandbox'));
    if (st.uid === 0 && (st.mode & 0o4000) !== 0) return;
  } catch {
    return;
  }
  console.error(`
Note: this Linux restricts user namespaces (Ubuntu 24.04 and later), so Electron's sandbox helper
must be owned by root: run \`sudo chown root:root ${path.join(path.dirname(binary), 'chrome-sandbox')}\` and
\`sudo chmod 4755\` on the same file once, or Electron stops with "The SUID sandbox helper binary
was found, but is not configured correctly". See the README (Desktop app on Linux).
`.trim());
}

const found = await electronPath();
if (found.error) giveUp(found.error);
linuxSandboxWarning(found.file);
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(found.file, [root], { cwd: root, stdio: 'inherit', env });
child.on('error', (err) => {
  log.push(String(err.stack ?? err));
  giveUp(`the Electron binary could not be started (${err.code ?? err.message})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
