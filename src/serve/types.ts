/**
 * serve/types — options of the viewer server (validated with zod) and the handle it returns.
 */
import { z } from 'zod';
import { DEFAULTS } from '../config/defaults.ts';

/** Options of `startServer`. `port` 0 picks a free port. */
export const ServeOptions = z
  .object({
    /** Folder holding graph.json (and evidence.jsonl, report.json): the `--out` of `build`. */
    dir: z.string().min(1, 'serve: a folder is required'),
    /** Port; when absent: PORT from the environment, else DEFAULTS.serve.port. */
    port: z.coerce
      .number()
      .int('serve: port must be an integer')
      .min(0, 'serve: port must be 0–65535')
      .max(65535, 'serve: port must be 0–65535')
      .optional(),
    /** Interface to listen on; loopback unless given deliberately. */
    host: z.string().min(1).default(DEFAULTS.serve.host),
    /** Build the viewer first when viewer/dist is missing or older than its sources. */
    build: z.boolean().default(true),
    /** Where the viewer app lives (its dist/ is served); defaults to the repository's viewer/. */
    viewerDir: z.string().optional(),
  })
  .strict();
export type ServeOptionsInput = z.input<typeof ServeOptions>;
export type ServeOptions = z.output<typeof ServeOptions>;

/** A running viewer server. */
export interface RunningServer {
  /** e.g. http://127.0.0.1:5050/ */
  url: string;
  host: string;
  port: number;
  /** Stop accepting connections and close open ones. */
  close(): Promise<void>;
}

/** Options of `buildViewer`. */
export interface BuildViewerOptions {
  /** Build even when viewer/dist looks fresh. */
  force?: boolean;
  /** The viewer app folder (default: the repository's viewer/). */
  viewerDir?: string;
  /** Called with a one-line message when a build starts. */
  log?: (msg: string) => void;
}
