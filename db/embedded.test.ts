import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";

describe("the embedded database under several connections at once", () => {
  let database: EmbeddedDatabase;
  beforeAll(async () => {
    database = await startEmbeddedDatabase();
  }, 60_000);
  afterAll(async () => {
    await database?.stop();
  });

  it("keeps every client's queries whole: unprepared and prepared, with parameters, and transactions", async () => {
    // Like the app server (unprepared) and a test's own connection (prepared) side by side.
    const clients = [
      postgres(database.url, { max: 3, prepare: false, onnotice: () => {} }),
      postgres(database.url, { max: 3, prepare: false, onnotice: () => {} }),
      postgres(database.url, { max: 2, onnotice: () => {} }),
    ];
    await clients[0].unsafe("create table tally (client int, n int)");
    try {
      const work = clients.flatMap((sql, client) =>
        Array.from({ length: 40 }, async (_, i) => {
          // Different parameter counts on the unnamed statement: crossing queries fail loudly.
          const [sum] = await sql.unsafe(i % 2 ? "select $1::int + $2::int as v" : "select $1::int * 1 + $2::int + $3::int as v", i % 2 ? [i, client] : [i, client, 0]);
          expect(sum.v).toBe(i + client);
          const [tagged] = await sql`select ${i}::int as v, ${`c${client}`}::text as who`;
          expect(tagged).toEqual({ v: i, who: `c${client}` });
          if (i % 10 === 0) {
            await sql.begin(async (tx) => {
              await tx.unsafe("insert into tally (client, n) values ($1, $2)", [client, i]);
              await tx.unsafe("insert into tally (client, n) values ($1, $2)", [client, -i]);
            });
          }
        }),
      );
      await Promise.all(work);
      const rows = await clients[2]`select client, count(*)::int as rows, sum(n)::int as total from tally group by client order by client`;
      expect(rows).toEqual([0, 1, 2].map((client) => ({ client, rows: 8, total: 0 })));
    } finally {
      await Promise.all(clients.map((sql) => sql.end({ timeout: 5 })));
    }
  }, 60_000);
});
