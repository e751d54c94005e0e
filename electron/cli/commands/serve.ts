import fs from 'node:fs';
import path from 'node:path';
import { createSwappableCore } from '../../core/swappable.js';
import { createCore } from '../../core/index.js';
import { startServer } from '../../server/http-server.js';
import { intOption, parse } from '../args.js';
import { defaultContentDir, defaultDataDir, rendererDir, searchWorkerFile } from '../paths.js';

export const serveHelp = `Usage: handbook serve [--content DIR] [--data DIR] [--port N] [--token T] [--host 127.0.0.1]

Browser mode: serves the app and its API on this computer only, and prints the address to open,
http://127.0.0.1:<port>/?token=<token>. The token changes at every launch unless --token fixes it.
Stop with Ctrl+C.`;

/** Longest a clean shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5000;

export async function serve(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    content: { type: 'string' }, data: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' }, host: { type: 'string' },
  });
  if (values.help) return console.log(serveHelp), 0;
  const staticDir = rendererDir();
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('the app is not built yet: run `npm run build` first');
  if (values.token !== undefined && !/^[A-Za-z0-9_-]{16,128}$/.test(values.token)) throw new Error('--token must be 16 to 128 letters, digits, - or _');
  const port = intOption(values.port, 'port', 0, 65535);
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  // An explicit --content is fixed for this run; otherwise the folder chosen in Settings is used.
  const hosted = values.content !== undefined
    ? await createCore({ contentDir: path.resolve(values.content), dataDir, watch: true, searchWorker: searchWorkerFile() }).then((c) => ({ api: c, current: () => c, close: () => c.close() }))
    : await createSwappableCore({ contentDir: defaultContentDir(), dataDir, watch: true, searchWorker: searchWorkerFile() });
  const core = hosted.current();
  const server = await startServer({
    api: hosted.api, contentDir: () => hosted.current().contentDir, staticDir,
    host: values.host, port, token: values.token,
  });
  console.log(`Handbook is running: ${server.url}`);
  if (core.recovery) console.error(`warning: the database was damaged (${core.recovery.reason}); it was moved to ${core.recovery.damagedFile} and ${core.recovery.restoredFrom ? 'restored from ' + core.recovery.restoredFrom : 'started empty'}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // Whatever state the app is in (an import swapping folders, a worker parsing), a stop request ends
  // the process: a second signal, or a close that takes too long, exits at once.
  const force = () => process.exit(0);
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  setTimeout(force, SHUTDOWN_GRACE_MS).unref();
  await server.close();
  await hosted.close();
  return 0;
}
