// The open member rows' partial index is written in SQL (its migration), its predicate in TypeScript
// (OPEN_MEMBER_SQL, from OPEN_STATUSES): PostgreSQL uses the index only while the two say the same.
import { describe, expect, test } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { OPEN_MEMBER_SQL } from '@/lib/server/dashboard/figure-rows-sql';
import { OPEN_STATUSES } from '@/lib/core/workflow/task-status';
import { testDb } from '../support/db';

const statusesIn = (predicate: string) => [...predicate.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]).sort();

describe('the open member rows index', () => {
  test('its predicate names exactly OPEN_STATUSES, as OPEN_MEMBER_SQL does', async () => {
    const [index] = await testDb.$queryRaw<{ predicate: string }[]>(Prisma.sql`
      SELECT pg_get_expr(i.indpred, i.indrelid) AS "predicate" FROM pg_index i
      WHERE i.indexrelid = '"TaskScopeMember_open_deadline_idx"'::regclass`);
    expect(statusesIn(index!.predicate)).toEqual([...OPEN_STATUSES].sort());
    expect(statusesIn(OPEN_MEMBER_SQL.sql)).toEqual([...OPEN_STATUSES].sort());
  });

  test('the unit home reads its open tasks by deadline from it', async () => {
    // Planned with the index's predicate written as OPEN_MEMBER_SQL writes it (plain scans off, so
    // the choice is among the indexes): the partial index answers the query.
    const plan = await testDb.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
      const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN SELECT m."taskId" FROM "TaskScopeMember" m
        WHERE m."scopeKind" = 'unit' AND m."scopeId" = 'any' AND m."leadUnitId" = 'any' AND ${OPEN_MEMBER_SQL} ORDER BY m."deadline", m."code" LIMIT 50`);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('TaskScopeMember_open_deadline_idx');
  });
});
