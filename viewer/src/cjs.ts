/**
 * viewer/cjs — unwrap a CommonJS default export. Under NodeNext (tsc, tsx, vitest) a default
 * import of a CJS package is `module.exports`; bundlers may hand over `.default`. Both work here.
 */
export function cjs<T>(mod: T): T extends { default: infer D } ? D : T {
  const m = mod as { default?: unknown };
  return (typeof m === 'function' || !m.default ? m : m.default) as never;
}
