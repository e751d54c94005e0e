import fs from 'node:fs';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const CONFIG_FILE = 'build/electron-builder.yml';
const config = parse(fs.readFileSync(CONFIG_FILE, 'utf8'));
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));

describe('packaging config', () => {
  it('passes electron-builder’s own validation, as `npm run dist` loads it', async () => {
    const loaded = await getConfig(process.cwd(), CONFIG_FILE, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validation does reject what electron-builder does not know (so the check above means something)', async () => {
    const loaded = await getConfig(process.cwd(), CONFIG_FILE, null);
    await expect(validateConfiguration({ ...loaded, linux: { ...loaded.linux, tagret: 'deb' } as never }, new DebugLogger(false))).rejects.toThrow(/configuration\.linux/);
  });

  it('flips the security fuses and re-signs ad hoc afterwards (unsigned Apple Silicon builds)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      resetAdHocDarwinSignature: true,
    });
    expect(config.asar).toBe(true);
  });

  it('has what the deb target requires of package.json: homepage and an author with e-mail', () => {
    expect(pkg.homepage).toMatch(/^https?:\/\//);
    expect(pkg.author).toMatch(/^[^<]+ <[^@\s>]+@[^@\s>]+>$/);
  });

  it('builds every desktop target with the icon and ships the sample pack as a resource', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    expect(config.extraResources).toEqual([{ from: 'content', to: 'content' }]);
    expect(config.appId).toBe('com.handbook.app');
    expect(config.productName).toBe('Handbook');
  });

  it('packages only the built app, not sources or source maps', () => {
    expect(config.files).toContain('dist/**/*');
    expect(config.files).toContain('!dist/**/*.map');
  });
});
