/**
 * bench/results — the bench report as Markdown (bench/RESULTS.md): machine, set-up cost,
 * per-stage rates, one row per corpus size, scaling with workers, the profile, and the raw JSON.
 */

// The report is plain JSON written by bench/run.ts; read it loosely.
type J = Record<string, unknown>;
const num = (x: unknown, d = 1) =>
  typeof x === 'number' ? (Math.round(x * 10 ** d) / 10 ** d).toLocaleString('en-US') : '–';
const mb = (bytes: unknown) => (typeof bytes === 'number' ? `${num(bytes / 1e6, 1)} MB` : '–');

/** Render a bench report (see bench/run.ts) as Markdown. */
export function renderResults(report: J): string {
  const m = (report.machine ?? {}) as J;
  const out: string[] = [];
  out.push('# diplograph — benchmark results', '');
  out.push(
    `Run of \`npm run bench\` on ${String(report.date).slice(0, 10)}: ${m.cpus} × ${m.model}, ${m.memory_gb} GiB RAM, Node ${m.node}. ` +
      `Load average ${JSON.stringify(m.load_average_at_start)} at the start, ${JSON.stringify(m.load_average_at_end)} at the end ` +
      '(other jobs shared the machine: wall times are noisy, CPU seconds less so). Synthetic corpus: seeded (`bench/generate.ts`), ' +
      `seed ${report.seed}.`,
    '',
  );
  const lx = (report.lexicon_setup ?? {}) as J;
  out.push(
    `Lexicon + matcher set-up (paid once per worker): ${num(lx.seconds, 2)} s (${num(lx.cpu_seconds, 2)} CPU s, ${lx.entities} entities), plus ${num(lx.process_start_seconds, 2)} s of process/tsx start.`,
    '',
  );
  const st = (report.stages_one_thread ?? {}) as J;
  out.push(`## Per-article stages, one thread (${st.articles} articles)`, '');
  out.push('| stage | CPU s | articles/s per core |', '|---|---:|---:|');
  for (const k of ['text', 'extract', 'relate', 'all']) {
    const s = (st[k] ?? {}) as J;
    out.push(
      `| ${k === 'extract' ? 'extract + resolve' : k} | ${num(s.cpu_seconds, 2)} | ${num(s.articles_per_s_per_core, 0)} |`,
    );
  }
  out.push('');
  out.push('## Builds', '');
  out.push(
    '| articles | corpus | floor art/s (MB/s) | build s | art/s (MB/s) | ratio to floor | CPU s | peak RSS | nodes | edges | read s | finalize s | exports s | FA2 iterations |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const c of (report.corpora ?? []) as J[]) {
    const f = c.floor as J;
    const b = c.build as J;
    const g = c.graph as J;
    const t = (b.timings ?? {}) as Record<string, number>;
    out.push(
      `| ${num(c.articles, 0)} | ${num(c.mb, 1)} MB | ${num(f.articles_per_s, 0)} (${num(f.mb_per_s, 2)}) | ${num(b.seconds, 1)} | ${num(b.articles_per_s, 0)} (${num(b.mb_per_s, 2)}) | ${num(b.ratio_to_floor, 3)} | ${num(b.cpu_seconds, 0)} | ${num(b.peak_rss_mb, 0)} MB | ${num(g.nodes, 0)} | ${num(g.edges, 0)} | ${num(t.read, 1)} | ${num(t.finalize, 1)} | ${num((t.export ?? 0) + (t.evidence ?? 0), 1)} | ${b.layout_iterations} |`,
    );
  }
  out.push('');
  for (const c of (report.corpora ?? []) as J[]) {
    const b = c.build as J;
    const t = (b.timings ?? {}) as Record<string, number>;
    const ex = Object.entries(t)
      .filter(([k]) => k.startsWith('export:'))
      .map(([k, v]) => `${k.slice(7)} ${num(v, 1)} s`)
      .join(', ');
    const bytes = Object.entries((c.export_bytes ?? {}) as Record<string, number>)
      .map(([k, v]) => `${k} ${mb(v)}`)
      .join(', ');
    out.push(
      `- **${num(c.articles, 0)} articles** (${b.workers} worker threads): phases ${Object.entries(
        t,
      )
        .filter(([k]) => !k.startsWith('export:') && k !== 'total')
        .map(([k, v]) => `${k} ${num(v, 1)}`)
        .join(', ')} s; exports: ${ex}; bytes: ${bytes}; betweenness ${b.betweenness}.`,
    );
  }
  out.push('');
  const sc = report.scaling as J | undefined;
  if (sc) {
    out.push(`## Scaling with workers (${num(sc.articles, 0)} articles)`, '');
    out.push(
      '| workers | build s | read s | speed-up (total) | speed-up (read) | CPU s | peak RSS |',
      '|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const r of (sc.runs ?? []) as J[]) {
      out.push(
        `| ${r.workers} | ${num(r.seconds, 1)} | ${num(r.read_seconds, 1)} | ${num(r.speedup_total, 2)} | ${num(r.speedup_read, 2)} | ${num(r.cpu_seconds, 0)} | ${num(r.peak_rss_mb, 0)} MB |`,
      );
    }
    out.push('');
  }
  const pr = report.profile as J | undefined;
  if (pr) {
    out.push(`## Profile (${pr.profiles} thread profiles, ${num(pr.total_seconds, 1)} CPU s)`, '');
    out.push('| self time by file | s | % |', '|---|---:|---:|');
    for (const r of ((pr.by_file ?? []) as J[]).slice(0, 20))
      out.push(`| ${r.file} | ${num(r.seconds, 2)} | ${num(r.share, 1)} |`);
    out.push('', '| self time by function | s | % |', '|---|---:|---:|');
    for (const r of ((pr.by_function ?? []) as J[]).slice(0, 25))
      out.push(`| \`${r.fn}\` | ${num(r.seconds, 2)} | ${num(r.share, 1)} |`);
    out.push('');
  }
  out.push('## Raw report', '', '```json', JSON.stringify(report, null, 2), '```', '');
  return out.join('\n');
}
