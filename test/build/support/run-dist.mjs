// `npm run dist` for one target through electron-builder's API, in the app folder given, with the
// project's config file plus overrides; prints a JSON summary (which targets started, the error).
// Usage: node run-dist.mjs <app root> <electronDist> <output dir>
import { createRequire } from 'node:module';
import path from 'node:path';

const [root, electronDist, output] = process.argv.slice(2);
const require = createRequire(path.join(root, 'package.json'));
const { build, Platform, Arch } = require('electron-builder');

const started = [];
const summary = { started, error: null };
try {
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('deb', Arch.x64),
    publish: 'never',
    config: {
      extends: path.join(root, 'build', 'electron-builder.yml'),
      electronDist,
      directories: { output },
      // Nothing native to rebuild; and the shared node_modules must never be written to.
      npmRebuild: false,
      artifactBuildStarted: (e) => { started.push(e.targetPresentableName); },
    },
  });
} catch (err) {
  summary.error = String(err?.message ?? err);
}
console.log('\n@@summary ' + JSON.stringify(summary));
