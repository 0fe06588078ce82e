/**
 * cli/progress — a progress bar on a TTY (cli-progress, with rate and ETA when the total is
 * known), plain periodic lines otherwise (CI logs, pipes).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, info?: string): void;
  log(line: string): void;
  stop(): void;
}

/** A progress reporter writing to stderr. */
export function createProgress(label: string, total?: number): Progress {
  const tty = process.stderr.isTTY === true && !process.env.CI;
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        format: total
          ? `${label} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | {info}`
          : `${label} {value} | {rate}/s | {info}`,
        hideCursor: true,
        clearOnComplete: false,
        stream: process.stderr,
        etaBuffer: 200,
      },
      cliProgress.Presets.shades_classic,
    );
    const t0 = Date.now();
    bar.start(total ?? 0, 0, { rate: '0', info: '' });
    return {
      update(done, info = '') {
        const rate = (done / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(0);
        bar.update(done, { rate, info: info.length > 40 ? `…${info.slice(-39)}` : info });
      },
      log(line) {
        process.stderr.write(`\r\x1b[K${line}\n`);
      },
      stop() {
        bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update(done) {
      const t = Date.now();
      if (t - last > 2000) {
        last = t;
        process.stderr.write(`${label}: ${done}${total ? `/${total}` : ''}\n`);
      }
    },
    log(line) {
      process.stderr.write(`${line}\n`);
    },
    stop() {},
  };
}
