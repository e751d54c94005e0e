import { Worker } from 'node:worker_threads';

/**
 * Flips a path between a real entry and a symbolic link out of the pack as fast as a thread can,
 * until stopped: the race a check-then-open reader or writer loses. `kind: 'file'` swaps a file
 * with a link to `outside` (one atomic rename each way); `kind: 'dir'` moves a real folder aside and
 * puts a link to the `outside` folder in its place, then back.
 */
export function startFlipper(opts: { kind: 'file' | 'dir'; target: string; outside: string }): { stop(): Promise<number>; flips(): number } {
  // [0]: stop; [1]: flips so far (a starved thread on a loaded machine may flip late, so callers can wait for it).
  const stop = new Int32Array(new SharedArrayBuffer(8));
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    const fs = require('node:fs');
    const path = require('node:path');
    const { kind, target, outside, stop } = workerData;
    const dir = path.dirname(target), base = path.basename(target);
    const aside = path.join(dir, '.' + base + '.aside'), link = path.join(dir, '.' + base + '.link');
    let flips = 0;
    while (Atomics.load(stop, 0) === 0) {
      try {
        if (kind === 'file') {
          fs.symlinkSync(outside, link); fs.renameSync(link, target);
          fs.writeFileSync(aside, 'inside'); fs.renameSync(aside, target);
        } else {
          fs.renameSync(target, aside); fs.symlinkSync(outside, target);
          fs.unlinkSync(target); fs.renameSync(aside, target);
        }
        flips++;
        Atomics.store(stop, 1, flips);
      } catch {
        // The app moved something meanwhile (say, made the folder anew while ours was aside): put
        // our entry back in place, or every later flip fails too and the race silently stops.
        try {
          if (kind === 'file') fs.rmSync(link, { force: true });
          else if (fs.existsSync(aside)) {
            const now = fs.lstatSync(target, { throwIfNoEntry: false });
            if (now?.isSymbolicLink()) fs.unlinkSync(target);
            else if (now) fs.rmSync(target, { recursive: true, force: true });
            fs.renameSync(aside, target);
          }
        } catch { /* try again on the next turn */ }
      }
    }
    if (kind === 'dir' && !fs.existsSync(target) && fs.existsSync(aside)) fs.renameSync(aside, target);
    parentPort.postMessage(flips);
  `;
  const worker = new Worker(code, { eval: true, workerData: { ...opts, stop } });
  const done = new Promise<number>((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
  return {
    flips: () => Atomics.load(stop, 1),
    async stop() {
      Atomics.store(stop, 0, 1);
      const flips = await done;
      await worker.terminate();
      return flips;
    },
  };
}
