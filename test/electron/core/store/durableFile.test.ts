import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { renameWithRetry } from '../../../../electron/core/fs/atomicWrite';
import { DurableJsonFile } from '../../../../electron/core/store/durableFile';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hb-durable-'));
const transient = (code: string) => Object.assign(new Error(code), { code });

describe('durable JSON file', () => {
  it('writes, reads back, and leaves no temporary file', async () => {
    const dir = tmp();
    const f = new DurableJsonFile<{ a: number }>(path.join(dir, 'db.json'));
    expect(await f.read()).toBeNull();
    await f.write({ a: 1 });
    expect(await f.read()).toEqual({ a: 1 });
    expect(fs.readdirSync(dir)).toEqual(['db.json']);
  });

  it('retries a rename refused transiently (as Windows antivirus does) until it succeeds', async () => {
    const dir = tmp();
    const real = fs.promises.rename;
    const rename = vi.fn()
      .mockRejectedValueOnce(transient('EPERM'))
      .mockRejectedValueOnce(transient('EBUSY'))
      .mockRejectedValueOnce(transient('EACCES'))
      .mockImplementation(real);
    const f = new DurableJsonFile<{ b: number }>(path.join(dir, 'db.json'), { rename });
    await f.write({ b: 2 });
    expect(rename).toHaveBeenCalledTimes(4);
    expect(await f.read()).toEqual({ b: 2 });
  });

  it('gives up at once on a permanent error', async () => {
    const rename = vi.fn().mockRejectedValue(transient('ENOSPC'));
    await expect(renameWithRetry('/a', '/b', { rename })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(rename).toHaveBeenCalledTimes(1);
  });
});
