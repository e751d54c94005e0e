import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The real command, built, as outside tools run it. */
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/handbook.js', ...args], { encoding: 'utf8', timeout: 30_000 });

describe('handbook command', () => {
  it('prints help with every command and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/serve/);
    expect(r.stdout).toMatch(/validate/);
  });
  it('exits 2 with one line for an unknown command or option', () => {
    const r = run('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const o = run('validate', '--nope');
    expect(o.status).toBe(2);
    expect(o.stderr).toMatch(/^handbook validate: .*--nope/);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('has help for each command', () => {
    for (const c of ['serve', 'validate']) {
      const r = run(c, '--help');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Usage: handbook ${c}`));
    }
  });
  it('validates a clean pack with exit 0 and reports a missing folder in one line with exit 1', () => {
    expect(run('validate', '--content', 'test/fixtures/contract-pack').status).toBe(0);
    const r = run('validate', '--content', '/nonexistent/pack');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('handbook validate: content folder not found: /nonexistent/pack');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
  it('refuses a bad port for serve without a stack trace', () => {
    const r = run('serve', '--port', 'abc', '--data', '/tmp/hb-cli-test');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--port must be a whole number/);
  });
  it('validates the bundled sample pack cleanly', () => {
    const r = run('validate', '--json');
    const out = JSON.parse(r.stdout);
    expect(out.problems).toEqual([]);
    expect(out.counts.articles).toBeGreaterThanOrEqual(30);
    expect(r.status).toBe(0);
  });
});
