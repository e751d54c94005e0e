import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every temporary folder a test run makes (packs, data folders, git servers, browser profiles)
 * goes under one folder for the run, removed at its end: fixtures that forget to clean up, or a
 * test that fails before its cleanup, no longer pile up in the system's temp folder. Runs before
 * the other global set-ups and before any test worker starts, so all of them inherit it.
 */
export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-test-run-'));
  const before = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = root;
  return () => {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
}
