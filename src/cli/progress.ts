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

/** What a build reports (see pipeline/types.ts BuildProgress). */
export interface BuildProgressEvent {
  phase: 'read' | 'finalize' | 'export' | 'commit';
  articles: number;
  skipped: number;
  bytes: number;
  source: string;
}

export interface BuildProgressBar {
  update(p: BuildProgressEvent): void;
  log(line: string): void;
  stop(): void;
}

/** `1m05s`, `42s`. */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  const r = Math.round(s);
  if (r < 60) return `${r}s`;
  const m = Math.floor(r / 60);
  if (m < 60) return `${m}m${String(r % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/**
 * The build's progress on stderr: articles, articles/s, MB/s and — when the input size is
 * known — percent and ETA from the bytes read (rates over the last ~10 s). On a TTY one line
 * redrawn in place; otherwise a line every 5 s (CI logs, pipes). Phases after reading
 * (finalize, export) are announced as they start.
 */
export function createBuildProgress(
  totalBytes?: number,
  stream: NodeJS.WriteStream = process.stderr,
): BuildProgressBar {
  const tty = stream.isTTY === true && !process.env.CI;
  const t0 = Date.now();
  const samples: { t: number; articles: number; bytes: number }[] = [];
  let phase: BuildProgressEvent['phase'] = 'read';
  let lastDraw = 0;
  let drawn = false;
  const line = (p: BuildProgressEvent, t: number) => {
    samples.push({ t, articles: p.articles, bytes: p.bytes });
    while (samples.length > 2 && t - samples[0]!.t > 10_000) samples.shift();
    const first = samples[0]!;
    const dt = Math.max(0.001, (t - first.t) / 1000);
    const rate = samples.length > 1 ? (p.articles - first.articles) / dt : 0;
    const mbps = samples.length > 1 ? (p.bytes - first.bytes) / 1e6 / dt : 0;
    let tail = '';
    if (totalBytes && totalBytes > 0) {
      const share = Math.min(1, p.bytes / totalBytes);
      const bps = samples.length > 1 ? (p.bytes - first.bytes) / dt : 0;
      const eta = bps > 0 ? (totalBytes - p.bytes) / bps : Number.NaN;
      tail = ` | ${(share * 100).toFixed(1)}% | ETA ${formatSeconds(eta)}`;
    }
    const skipped = p.skipped ? ` (${p.skipped} skipped)` : '';
    return `build: ${p.articles} articles${skipped} | ${rate.toFixed(0)}/s | ${mbps.toFixed(1)} MB/s${tail} | ${formatSeconds((t - t0) / 1000)}`;
  };
  const clear = () => {
    if (tty && drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  return {
    update(p) {
      const t = Date.now();
      if (p.phase !== phase) {
        phase = p.phase;
        clear();
        stream.write(
          `build: ${p.articles} articles read; ${p.phase}… (${formatSeconds((t - t0) / 1000)})\n`,
        );
        return;
      }
      if (p.phase !== 'read' || t - lastDraw < (tty ? 200 : 5000)) return;
      lastDraw = t;
      const text = line(p, t);
      if (tty) {
        stream.write(`\r\x1b[K${text.slice(0, (stream.columns || 120) - 1)}`);
        drawn = true;
      } else stream.write(`${text}\n`);
    },
    log(text) {
      clear();
      stream.write(`${text}\n`);
    },
    stop() {
      clear();
    },
  };
}
