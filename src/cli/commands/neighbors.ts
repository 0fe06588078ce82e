/**
 * cli/commands/neighbors — `diplograph neighbors <name>`: an actor's neighbours with weights and
 * one evidence sentence each, read from a build's graph.json — answers without Neo4j.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  SerializedGraph as GraphSchema,
  type SerializedGraph,
} from '../../../graph-schema/schema.ts';
import { searchActors } from '../../graph/search.ts';

const Opts = z.object({
  dir: z.string().default('exports'),
  kind: z.enum(['co_mention', 'role', 'interaction']).optional(),
  action: z.string().optional(),
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  limit: z.coerce.number().int().positive().default(25),
  json: z.boolean().default(false),
});

/** Load and validate a build's graph.json. */
export function readGraphJson(dir: string): SerializedGraph {
  const path = join(dir, 'graph.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(
      `neighbors: cannot read ${path}: ${(err as Error).message} (run \`diplograph build … --out ${dir}\` first)`,
    );
  }
  const r = GraphSchema.safeParse(raw);
  if (!r.success)
    throw new Error(`neighbors: ${path} is not a diplograph graph: ${r.error.issues[0]?.message}`);
  return r.data;
}

/** Register `neighbors` on the program. */
export function registerNeighbors(program: Command): void {
  program
    .command('neighbors')
    .description(
      "an actor's neighbours (any script or spelling) with weights and one evidence sentence each",
    )
    .argument('<name>', 'actor name in any script, or an id like person:sergey-lavrov')
    .option('-d, --dir <dir>', 'build output folder', 'exports')
    .option('-k, --kind <kind>', 'edge kind: co_mention | role | interaction')
    .option('-a, --action <action>', 'interaction action (phone_call, meeting, visit, talks, …)')
    .option('--since <date>', 'edges last seen on or after (YYYY-MM-DD)')
    .option('--until <date>', 'edges first seen on or before (YYYY-MM-DD)')
    .option('-n, --limit <n>', 'most neighbours shown', '25')
    .option('--json', 'print JSON')
    .action((name: string, raw: Record<string, unknown>) => {
      const r = Opts.safeParse({ ...raw, json: !!raw.json });
      if (!r.success)
        throw new Error(
          `neighbors: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`,
        );
      const o = r.data;
      const g = readGraphJson(o.dir);
      const nodes = new Map(g.nodes.map((n) => [n.key, n.attributes]));
      const hit = nodes.has(name)
        ? name
        : searchActors(
            g.nodes.map((n) => ({ key: n.key, ...n.attributes })),
            name,
            1,
          )[0]?.key;
      if (!hit) {
        process.stderr.write(`neighbors: no actor matches «${name}» in ${o.dir}/graph.json\n`);
        process.exitCode = 1;
        return;
      }
      const rows = g.edges
        .filter((e) => e.source === hit || e.target === hit)
        .filter((e) => !o.kind || e.attributes.kind === o.kind)
        .filter((e) => !o.action || e.attributes.action === o.action)
        .filter((e) => !o.since || (e.attributes.last_seen ?? '9999') >= o.since)
        .filter((e) => !o.until || (e.attributes.first_seen ?? '0000') <= o.until)
        .map((e) => {
          const other = e.source === hit ? e.target : e.source;
          const dir = e.undirected ? '—' : e.source === hit ? '→' : '←';
          const a = e.attributes;
          return {
            neighbor: other,
            label: nodes.get(other)?.label ?? other,
            kind: a.kind,
            detail: a.action ?? a.office ?? '',
            direction: dir,
            weight: a.weight,
            dates: a.dates ?? [],
            evidence: a.evidence[0]
              ? { article: a.evidence[0].article, text: a.evidence[0].text }
              : undefined,
          };
        })
        .sort(
          (x, y) =>
            y.weight - x.weight ||
            (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : x.neighbor < y.neighbor ? -1 : 1),
        )
        .slice(0, o.limit);
      const me = nodes.get(hit)!;
      if (o.json) {
        process.stdout.write(
          `${JSON.stringify({ actor: hit, label: me.label, neighbors: rows }, null, 2)}\n`,
        );
        return;
      }
      const lines = [
        `${me.label} (${hit}) — ${me.article_count} articles, ${rows.length} neighbours shown`,
      ];
      for (const x of rows) {
        const what = [x.kind, x.detail].filter(Boolean).join(':');
        const dates = x.dates.length ? ` [${x.dates.join(', ')}]` : '';
        lines.push(
          `  ${x.direction} ${x.label} (${x.neighbor})  ${what}  weight ${x.weight}${dates}`,
        );
        if (x.evidence)
          lines.push(
            `      «${x.evidence.text.replace(/\s+/g, ' ').slice(0, 200)}» — ${x.evidence.article}`,
          );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
