/**
 * Every Cypher statement the Neo4j loader and connection code send, and every named query in
 * queries/, is linted with @neo4j-cypher/language-support (Cypher 5): syntax errors and
 * warnings (deprecations) fail, and so does a parameter a query uses without declaring it in its
 * header, or declares without using.
 */
import { type DbSchema, lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { listQueries, loaderStatements, type Statement } from '../src/neo4j/index.ts';
import { AWAIT_INDEXES } from '../src/neo4j/writer.ts';

function problems(cypher: string, params: string[]): string[] {
  const schema: DbSchema = {
    parameters: Object.fromEntries(params.map((p) => [p, null])),
    defaultLanguage: 'CYPHER 5',
  };
  return lintCypherQuery(cypher, schema)
    .diagnostics.filter((d) => d.severity === 1 || d.severity === 2)
    .map((d) => `${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`);
}

const byText = new Map<string, Statement>();
for (const st of [...loaderStatements(true), ...loaderStatements(false), AWAIT_INDEXES]) {
  byText.set(st.cypher, st);
}

describe('Cypher lint: statements the code sends', () => {
  it('covers the schema, probe, writes and recomputes (both schema variants)', () => {
    const names = new Set([...byText.values()].map((s) => s.name));
    for (const n of [
      'components',
      'probe-articles',
      'purge-articles',
      'entities:person',
      'evidence',
    ]) {
      expect(names).toContain(n);
    }
    expect([...byText.keys()].some((c) => c.includes('REQUIRE r.key IS UNIQUE'))).toBe(true);
    expect([...byText.keys()].some((c) => c.includes('ON (r.key)'))).toBe(true);
  });

  for (const st of byText.values()) {
    const label = `${st.name}${st.cypher.includes('ON (r.key)') ? ' (index variant)' : ''}`;
    it(`${label} has no syntax error or warning`, () => {
      expect(problems(st.cypher, [...st.params])).toEqual([]);
    });
  }

  it('the linter does catch mistakes (control)', () => {
    expect(
      problems('UNWIND $rows AS row MERGE (e:Entity {id: row.id) RETURN e', ['rows']),
    ).not.toEqual([]);
    expect(problems('MATCH (n) RETURN $undeclared', [])).not.toEqual([]);
    expect(problems('MATCH (m) RETURN [(m:Entity {id: 1}) | m.community][0]', [])).not.toEqual([]);
    expect(problems('MATCH (n) CALL { WITH n RETURN 1 AS x } RETURN x', [])).not.toEqual([]);
  });
});

describe('Cypher lint: queries/', () => {
  const queries = listQueries();
  it('there are named queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(6);
  });
  for (const q of queries) {
    it(`${q.name}.cypher lints clean with the parameters its header declares`, () => {
      expect(
        problems(
          q.cypher,
          q.params.map((p) => p.name),
        ),
      ).toEqual([]);
      const body = q.cypher
        .split('\n')
        .filter((l) => !l.trim().startsWith('//'))
        .join('\n');
      for (const p of q.params)
        expect(body, `$${p.name} is declared but unused`).toMatch(new RegExp(`\\$${p.name}\\b`));
    });
  }
});
