import type { TocEntry } from '../../contract.js';
import type { LinkTable } from './linkTable.js';
import { analyzeMarkdown, renderMarkdown, type Analysis } from './markdown.js';
import { renderContext } from './linkTable.js';

/** Work the markdown workers do; the same functions run in-thread when no worker script exists. */
export type MarkdownJob =
  | { kind: 'analyze'; body: string }
  | { kind: 'render'; body: string; rel: string; tableId: number; table?: LinkTable };

export type JobResult<J extends MarkdownJob> = J extends { kind: 'analyze' } ? Analysis : { html: string; toc: TocEntry[] };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** Link tables a worker has been sent, by id; a pack reload makes a new one, so only a few are kept. */
export class TableCache {
  private readonly tables = new Map<number, LinkTable>();
  get(job: Extract<MarkdownJob, { kind: 'render' }>): LinkTable {
    if (job.table) {
      this.tables.set(job.tableId, job.table);
      for (const old of this.tables.keys()) if (this.tables.size > 4) this.tables.delete(old);
    }
    const t = this.tables.get(job.tableId);
    if (!t) throw new Error(`link table ${job.tableId} was not sent`);
    return t;
  }
}

export function runJob(job: MarkdownJob, tables: TableCache): unknown {
  if (job.kind === 'analyze') return analyzeMarkdown(job.body);
  return renderMarkdown(job.body, renderContext(tables.get(job), job.rel));
}
