import fs from 'node:fs';
import path from 'node:path';

/** The title in an article's front matter, for a commit message people can read in the history. */
function titleOf(dir: string, rel: string): string | null {
  if (!rel.endsWith('.md')) return null;
  try {
    const text = fs.readFileSync(path.join(dir, rel), 'utf8').slice(0, 4000);
    const m = /^---[\s\S]*?^title:\s*["']?(.+?)["']?\s*$/m.exec(text);
    return m ? m[1] : null;
  } catch {
    return null;
  }
}

/** The trainer's name in a `trainers/<id>.yaml` key file, for the commit that publishes it. */
function trainerNameOf(dir: string, rel: string): string | null {
  try {
    const m = /^name:\s*"(.{1,60})"\s*$/m.exec(fs.readFileSync(path.join(dir, rel), 'utf8').slice(0, 4000));
    return m ? JSON.parse(`"${m[1]}"`) as string : null;
  } catch {
    return null;
  }
}

/** "更新 退款与退货处理 SOP" for one file; "更新 3 个文件" for several; English alike. */
export function commitMessage(dir: string, files: { path: string; deleted: boolean }[], lang: 'zh-CN' | 'en'): string {
  const zh = lang === 'zh-CN';
  if (files.length === 1) {
    const [f] = files;
    const trainer = !f.deleted && /^trainers\/[^/]+\.ya?ml$/.test(f.path) ? trainerNameOf(dir, f.path) : null;
    if (trainer) return zh ? `发布 ${trainer} 的签名公钥` : `Publish ${trainer}'s signing keys`;
    const name = (!f.deleted && titleOf(dir, f.path)) || f.path;
    return f.deleted ? (zh ? `删除 ${name}` : `Delete ${name}`) : (zh ? `更新 ${name}` : `Update ${name}`);
  }
  const list = files.slice(0, 20).map((f) => `${f.deleted ? '-' : '*'} ${f.path}`).join('\n');
  return (zh ? `更新 ${files.length} 个文件` : `Update ${files.length} files`) + '\n\n' + list + (files.length > 20 ? '\n…' : '') + '\n';
}
