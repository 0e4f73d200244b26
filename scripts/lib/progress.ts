/** A one-line progress bar (epoch, batch, loss, accuracy, speed, ETA); plain lines when not a TTY. */
export class Progress {
  private readonly started = Date.now();
  private readonly batchesAtStart: number;
  private lastPrint = 0;

  constructor(private readonly epochs: number, private readonly batches: number, startEpoch: number) {
    this.batchesAtStart = startEpoch * batches;
  }

  update(epoch: number, batch: number, loss: number, accuracy: number): void {
    const now = Date.now();
    const interactive = process.stdout.isTTY;
    if (now - this.lastPrint < (interactive ? 250 : Number(process.env.PROGRESS_MS ?? 30_000)) && batch !== this.batches) return;
    this.lastPrint = now;
    const done = epoch * this.batches + batch - this.batchesAtStart;
    const remaining = this.epochs * this.batches - this.batchesAtStart - done;
    const perBatch = (now - this.started) / Math.max(1, done);
    const width = 24;
    const filled = Math.round((batch / this.batches) * width);
    const line =
      `epoch ${epoch + 1}/${this.epochs} [${'='.repeat(filled)}${' '.repeat(width - filled)}] ` +
      `${batch}/${this.batches} loss ${loss.toFixed(4)} acc ${(accuracy * 100).toFixed(2)}% ` +
      `ETA ${formatDuration(remaining * perBatch)}`;
    if (interactive) process.stdout.write(`\r${line}\x1b[K`);
    else console.log(line);
  }

  endEpoch(epoch: number, loss: number, accuracy: number): void {
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.log(
      `epoch ${epoch + 1} done: loss ${loss.toFixed(4)} acc ${(accuracy * 100).toFixed(2)}% ` +
      `elapsed ${formatDuration(Date.now() - this.started)}`,
    );
  }
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
