// `npm start`: launches the desktop app. Electron 45+ fetches its binary on first launch; where that
// is impossible (offline build machines) we say so in one paragraph and point to browser mode.
import { spawn, spawnSync } from 'node:child_process';

const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 180_000 });
if (probe.status !== 0 || !probe.stdout) {
  console.error(`
Handbook could not start the desktop app: the Electron binary is not installed and could not be
downloaded (this machine has no access to Electron's download server). Everything else works:
run \`npm run serve\` to open the same app in your browser at a local address, or install
Electron's binary (\`npx install-electron\`) on a machine with internet access and run \`npm start\` again.
`.trim());
  process.exit(1);
}
const child = spawn(probe.stdout, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
