import { type SQL, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Raw SQL for the few statements drizzle cannot express (vector search, advisory locks). */
  query<Row = Record<string, unknown>>(statement: SQL): Promise<Row[]>;
  /** Resolves when the database answers; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Wraps a drizzle instance whose driver returns `{ rows }` from execute (node-postgres and PGlite both do). */
export function wrapDrizzle(db: Db, kind: Database["kind"], close: () => Promise<void>): Database {
  const query = async <Row>(statement: SQL) => {
    const result = (await db.execute(statement)) as unknown as { rows: Row[] };
    return result.rows;
  };
  return {
    db,
    kind,
    query,
    async ping() {
      await db.execute(sql`select 1`);
    },
    close,
  };
}
