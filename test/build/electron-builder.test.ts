import fs from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const config = parse(fs.readFileSync('build/electron-builder.yml', 'utf8'));

describe('packaging config', () => {
  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });
  it('builds every desktop target with the icon and ships the sample pack as a resource', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    expect(config.extraResources).toEqual([{ from: 'content', to: 'content' }]);
    for (const icon of ['build/icon.png', 'build/icons/256x256.png', 'build/icons/16x16.png']) expect(fs.existsSync(icon), icon).toBe(true);
    expect(config.appId).toBe('com.handbook.app');
    expect(config.productName).toBe('Handbook');
  });
  it('packages only the built app, not sources or source maps', () => {
    expect(config.files).toContain('dist/**/*');
    expect(config.files).toContain('!dist/**/*.map');
  });
});
