import fs from 'node:fs';
import path from 'node:path';
import type { Author } from './workdir.js';

/**
 * How this PC publishes content, kept in the data folder (`team/publishing.json`).
 *
 * Auto-publish is off unless a trainer turns it on: a trainer saves many times while writing, and
 * each push lands on every PC of the team with "updated since you read it" prompts, so half-written
 * articles would reach 50–500 readers. Saves are commits here at once (nothing is lost), and
 * "Publish" sends them when the trainer is done — the draft → publish rhythm the issue asks for.
 */
export interface Publishing { autoPublish: boolean; review: boolean }
const DEFAULTS: Publishing = { autoPublish: false, review: false };
const file = (dataDir: string) => path.join(dataDir, 'team', 'publishing.json');

export function readPublishing(dataDir: string): Publishing {
  try {
    const raw = JSON.parse(fs.readFileSync(file(dataDir), 'utf8')) as Partial<Publishing>;
    return { autoPublish: raw.autoPublish === true, review: raw.review === true };
  } catch {
    return { ...DEFAULTS };
  }
}

export function writePublishing(dataDir: string, p: Publishing): Publishing {
  fs.mkdirSync(path.dirname(file(dataDir)), { recursive: true, mode: 0o700 });
  const tmp = file(dataDir) + '.' + process.pid + '.tmp';
  fs.writeFileSync(tmp, JSON.stringify(p));
  fs.renameSync(tmp, file(dataDir));
  return p;
}

/**
 * The branch a trainer's proposals go to while review is on: `review/` and the e-mail's local part
 * (names are often Chinese; a ref name of ASCII letters is safe on every server and in every URL).
 */
export function reviewBranchOf(author: Author): string {
  const local = author.email.split('@')[0].toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `review/${local || 'trainer'}`;
}
