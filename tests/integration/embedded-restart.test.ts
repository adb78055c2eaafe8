// The embedded PostgreSQL comes back by itself when it dies under a running app.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { expect, test } from 'vitest';
import { startEmbeddedPostgres } from '@/lib/platform/db/embedded';

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one;
  } finally {
    await client.end();
  }
}

test('a killed embedded PostgreSQL is restarted on the same port and data', async () => {
  // Under data/, which the postgres user initdb runs as can reach (a 0700 temp directory it cannot).
  const dataDir = path.resolve(`${process.env.LUOSHI_TEST_PG_DIR ?? 'data/pg-test'}-restart`);
  rmSync(dataDir, { recursive: true, force: true });
  const database = await startEmbeddedPostgres({ dataDir, preferredPort: 55400 });
  try {
    expect(await selectOne(database.appUrl)).toBe(1);
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await expect(selectOne(database.appUrl)).rejects.toThrow();
    const deadline = Date.now() + 60_000;
    let answer: number | null = null;
    while (answer === null && Date.now() < deadline) {
      answer = await selectOne(database.appUrl).catch(() => null);
      if (answer === null) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(answer).toBe(1);
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
