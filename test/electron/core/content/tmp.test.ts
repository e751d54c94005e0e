import { it } from 'vitest';
import fs from 'node:fs';
import { readMarkdownSource } from '../../../../electron/core/content/source.js';
it('x', () => {
fs.mkdirSync('/tmp/nestpack/articles', { recursive: true });
fs.writeFileSync('/tmp/nestpack/articles/lists.md', '# 列表\n\n' + Array.from({ length: 5000 }, (_, i) => '  '.repeat(i) + '- 项\n').join(''));
const problems: any[] = [];
const r = readMarkdownSource('/tmp/nestpack', 'articles/lists.md', problems);
console.log(!!r, problems);
});
