/** How long after this PC's last records write they go to the team (writes come in bursts: a quiz, a step). */
export const RECORDS_PUSH_DELAY_MS = 5000;

/**
 * Sends this PC's records a while after the last write, off the write's path: a write is
 * acknowledged when its file landed in the data folder, whatever the network does. A push that
 * fails leaves `pending` set; the next write, the next sync or the next start sends the files again
 * (each push carries every file of this device, so nothing needs replaying).
 */
export class RecordsPusher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Bumped by every write: a push that started before a write does not clear `pending`. */
  private generation = 0;
  /** Writes not yet on the team's server (or share). */
  pending = false;
  /** The last push's failure, until one succeeds. */
  lastError: Error | null = null;

  constructor(private readonly push: () => Promise<void>, private readonly delayMs = RECORDS_PUSH_DELAY_MS) {}

  /** A records file of this device was written. */
  written(): void {
    this.generation++;
    this.pending = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = null; void this.run(); }, this.delayMs);
    this.timer.unref?.();
  }

  /** A full sync carried this device's files: nothing waits any more (unless a write came meanwhile). */
  sent(generation: number): void {
    if (generation === this.generation) this.pending = false;
    this.lastError = null;
  }

  /** The write count now, to hand to `sent` after a sync that started at this point. */
  mark(): number {
    return this.generation;
  }

  /** Pushes now (one at a time); never throws. */
  async run(): Promise<void> {
    while (this.running) await this.running;
    if (!this.pending) return;
    const started = this.generation;
    this.running = this.push().then(
      () => this.sent(started),
      (err: unknown) => { this.lastError = err as Error; },
    );
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  /** On quit: push what waits, for at most `limitMs` (a PC leaving the network must still close). */
  async flush(limitMs: number): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending && !this.running) return;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([this.run(), new Promise<void>((resolve) => { timeout = setTimeout(resolve, limitMs); })]);
    clearTimeout(timeout);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
