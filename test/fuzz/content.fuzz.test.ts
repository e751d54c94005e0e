import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../electron/core/content/decode';
import { parseFrontMatter } from '../../electron/core/content/frontmatter';
import { analyzeMarkdown, renderMarkdown } from '../../electron/core/content/markdown';
import { resolvePackFile } from '../../electron/core/content/servedFiles';
import { loadPack } from '../../electron/core/index';

/** Text that looks like what breaks parsers: YAML and markdown syntax, CJK, control and odd code points. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.constantFrom('---', '\n', ':', ' ', '- ', '[', ']', '{', '}', '"', "'", '&a', '*a', '!!js', '|', '>', '#', '[[', ']]', '](', ')', '`', '```', '\t', '退款', 'é', '\u0000', '\ufeff', '\ud800', '<script>', '%2e%2e/', '../'), { maxLength: 120 }).map((a) => a.join('')),
);

const ctx = {
  resolveLink: (href: string) => ({ kind: 'external' as const, href }),
  resolveWiki: () => ({ kind: 'broken' as const, reason: 'x' }),
  imageUrl: () => null,
};

describe('fuzz: content parsing never throws or hangs', () => {
  it('front matter parser', async () => {
    fc.assert(fc.property(nasty, (text) => {
      const fm = parseFrontMatter(text);
      expect(typeof fm.body).toBe('string');
      expect(fm.bodyLine).toBeGreaterThanOrEqual(1);
      if (fm.error) expect(fm.error.line).toBeGreaterThanOrEqual(1);
    }), { numRuns: 600 });
  });

  it('markdown analysis and rendering', async () => {
    fc.assert(fc.property(nasty, (text) => {
      const a = analyzeMarkdown(text);
      expect(typeof a.text).toBe('string');
      expect(typeof renderMarkdown(text, ctx).html).toBe('string');
    }), { numRuns: 400 });
  });

  it('text decoding of arbitrary bytes', async () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const d = decodeText(bytes);
      if (d.ok) expect(d.text).not.toContain('\u0000');
      else expect(d.reason.length).toBeGreaterThan(0);
    }), { numRuns: 600 });
  });

  it('pack-file route never resolves outside the pack', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-fuzz-pack-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'assets', 'a.png'), 'x');
    fs.writeFileSync(path.join(os.tmpdir(), 'hb-fuzz-outside.png'), 'secret');
    const segment = fc.constantFrom('..', '.', 'assets', 'a.png', '%2e%2e', '%2F', '%5C', '\\', '%00', '', 'hb-fuzz-outside.png', '/etc', 'C:', '%252e');
    // The only file the route may find is assets/a.png, and only by its plain name: every other path,
    // whatever its encoding, must be refused. Asserted both ways, so the test fails if either breaks.
    let resolved = 0;
    fc.assert(fc.property(fc.array(segment, { maxLength: 8 }), (parts) => {
      const encoded = parts.join('/');
      const found = resolvePackFile(root, encoded);
      const expected = encoded === 'assets/a.png';
      expect(found).toEqual(expected ? { file: path.join(root, 'assets', 'a.png'), type: 'image/png' } : null);
      if (found) resolved++;
    }), { numRuns: 2000, examples: [[['assets', 'a.png']], [['assets', '..', 'assets', 'a.png']], [['%2e%2e', 'hb-fuzz-outside.png']]] });
    expect(resolved).toBeGreaterThan(0);
  });

  it('a whole pack of random files loads, reporting instead of throwing', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('a', 'b/c', 'B', 'x y', '退款'), nasty), { maxLength: 6 }), async (files) => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-fuzz-load-'));
      fs.mkdirSync(path.join(root, 'articles', 'b'), { recursive: true });
      for (const [name, text] of files) fs.writeFileSync(path.join(root, 'articles', `${name}.md`), text);
      fs.writeFileSync(path.join(root, 'handbook.yaml'), files[0]?.[1] ?? '');
      const pack = await loadPack(root);
      expect(pack.articles.size).toBeLessThanOrEqual(files.length);
      for (const p of pack.problems) expect(p.message.length).toBeGreaterThan(0);
      fs.rmSync(root, { recursive: true, force: true });
    }), { numRuns: 60 });
  });
});
