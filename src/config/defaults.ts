/**
 * config/defaults — every default of diplograph in one place. Option schemas (zod) in
 * config/options.ts take their defaults from here.
 */
export const DEFAULTS = {
  build: {
    out: 'exports',
    /** Co-mention window: pairs in the same sentence, paragraph or article. */
    window: 'sentence' as 'sentence' | 'paragraph' | 'article',
    /** Evidence sentences kept per edge in graph.json (all of them go to evidence.jsonl). */
    evidenceCap: 5,
    /** Longest evidence text kept (characters). */
    evidenceMaxChars: 600,
    seed: 42,
    /** Worker threads for the per-article stages: 0 = one per core, 1 = no worker threads. */
    workers: 0,
    /** Above this many nodes betweenness (O(V·E)) is skipped and reported as 0. */
    betweennessMaxNodes: 5000,
    /**
     * Betweenness is also skipped when nodes × edges exceeds this (Brandes is O(V·E): about
     * 70 ns a unit here, so 5e7 ≈ 3.5 s).
     */
    betweennessBudget: 5e7,
  },
  pipeline: {
    /**
     * With workers on auto (0), inputs smaller than this run in one thread: each worker loads
     * its own lexicon (about 2 s), which a few thousand articles do not repay.
     */
    autoWorkersMinBytes: 4_000_000,
    /** Articles per batch sent to a worker (and bytes, whichever is reached first). */
    batchArticles: 64,
    batchBytes: 1 << 20,
    /** Batches in flight per thread: enough that no worker waits for the next one. */
    inFlightPerThread: 4,
    /** Entries listed in report.json `skipped` / `duplicates` (counts stay exact). */
    reportListMax: 100_000,
  },
  layout: {
    /** ForceAtlas2 iterations by graph size: small graphs get more. */
    iterationsSmall: 500,
    iterationsLarge: 100,
    largeGraphNodes: 5000,
    /** Fewer iterations never than this (unless --layout-iterations says so). */
    iterationsMin: 20,
    /**
     * Work budget of the layout, in node-pair interactions (n²/2 per iteration, or about
     * 50·n·log2 n with Barnes–Hut above 2000 nodes) plus edges per iteration: iterations are cut
     * to fit, so a graph of a million edges lays out in seconds, not minutes. ~14 ns a unit.
     */
    budget: 3.5e8,
    barnesHutNodes: 2000,
  },
  lexicon: {
    dir: 'data/lexicon',
  },
  extract: {
    /**
     * An office phrase that names no country («وزیر امور خارجه») means this country's office,
     * by article language: Persian-language news is overwhelmingly Iranian.
     */
    officeDefaultCountry: { fa: 'country:IR' } as Record<string, string>,
  },
  ingest: {
    /** Largest file (or JSONL record) read, in bytes; bigger ones are skipped with their size. */
    maxBytes: 5 * 1024 * 1024,
    /** File types read from folders and paths (lower-case, with the dot). */
    extensions: ['.txt', '.md', '.html', '.htm', '.jsonl', '.jsonl.gz'] as readonly string[],
    /** Stop at the first problem instead of reporting it as a skip. */
    strict: false,
  },
  text: {
    /** A line seen in this many different articles (of one outlet) is boilerplate (BoilerplateIndex). */
    boilerplateMinArticles: 3,
    /** A day+month without year is placed within this many days before (or, «next», after) publication. */
    partialDateWindowDays: 334,
    /** Without a publication date: a year-less date falls this many days before the latest date the story pinned. */
    anchoredDateWindowDays: 183,
  },
  export: {
    /** Files written by `writeGraphExports` (json, gexf, dynamic-gexf, graphml, csv). */
    formats: ['json', 'gexf', 'dynamic-gexf', 'graphml', 'csv'] as readonly (
      | 'json'
      | 'gexf'
      | 'dynamic-gexf'
      | 'graphml'
      | 'csv'
    )[],
  },
  neo4j: {
    /** Connection: flags win, then NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE. */
    uri: 'neo4j://localhost:7687',
    user: 'neo4j',
    /** Rows per `UNWIND $rows` transaction. */
    batchSize: 1000,
    /** How long the driver keeps retrying a transaction on transient errors (deadlocks). */
    maxRetryTimeMs: 120_000,
    connectionTimeoutMs: 15_000,
    /** `query` output: table, json or csv; widest table cell before wrapping (0 = no limit). */
    queryFormat: 'table' as 'table' | 'json' | 'csv',
    maxCellWidth: 60,
    /** Folder of named `.cypher` queries (`query --name actor-calls`). */
    queriesDir: 'queries',
  },
  serve: {
    /** Viewer server port when neither --port nor PORT is given. */
    port: 5050,
    /** Loopback only unless --host is given deliberately. */
    host: '127.0.0.1',
  },
} as const;
