import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db, type Tx } from '@/lib/server/db';
import { dbDateOfDay, shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';
import { taskExpectedProgressSql, taskLightSql } from '@/lib/server/tasks/light-sql';

/*
 * The stored 三色 light and 序时进度 of each task ("Task".light / "expectedPercent"). Their one
 * definition stays the pure `trafficLight`/`expectedProgress` (lib/core/schedule/progress.ts); they are
 * written through its SQL twin (light-sql.ts, whose agreement test compares every colour):
 *   - `refreshTaskLightsOf(tx, ids)` in the transaction of every write that changes a task's status,
 *     dates, progress, cadence or last report, so a reader never sees a light older than the row;
 *   - `refreshTaskLights()` daily for every task (the date-driven part), which then records the day in
 *     "TaskLightRefresh". Readers use the stored columns only for that day (`taskLightColumnSql`) and
 *     compute the light per row otherwise, so a missed or late refresh is slower, never wrong.
 */

const REFRESH_CHUNK = 10_000;

function storedLightSetSql(today: Date): Prisma.Sql {
  return Prisma.sql`"light" = ${taskLightSql(today)}, "expectedPercent" = ${taskExpectedProgressSql(today)}`;
}

/** Recomputes the stored light of these tasks, inside the caller's write transaction. */
export async function refreshTaskLightsOf(tx: Tx, taskIds: readonly string[], today = new Date()): Promise<void> {
  if (taskIds.length === 0) return;
  await tx.$executeRaw(Prisma.sql`UPDATE "Task" t SET ${storedLightSetSql(today)} WHERE t."id" = ANY(${[...taskIds]})`);
}

/**
 * Recomputes every task's stored light for the Shanghai day of `today`, in chunks of
 * REFRESH_CHUNK ids (short row locks, no long transaction), writing only rows whose values change,
 * then records the day. For the daily scheduled job; safe to run again or concurrently with writes.
 */
export async function refreshTaskLights({ today = new Date(), client = db }: { today?: Date; client?: Pick<typeof db, '$queryRaw' | '$executeRaw'> } = {}) {
  const light = taskLightSql(today);
  const expected = taskExpectedProgressSql(today);
  let after = '';
  let changed = 0;
  for (;;) {
    const [chunk] = await client.$queryRaw<{ last: string | null }[]>(Prisma.sql`
      SELECT max(c."id") AS "last" FROM (SELECT "id" FROM "Task" WHERE "id" > ${after} ORDER BY "id" LIMIT ${REFRESH_CHUNK}) c`);
    if (!chunk?.last) break;
    changed += await client.$executeRaw(Prisma.sql`
      UPDATE "Task" t SET "light" = ${light}, "expectedPercent" = ${expected}
      WHERE t."id" > ${after} AND t."id" <= ${chunk.last}
        AND (t."light" IS DISTINCT FROM ${light} OR t."expectedPercent" IS DISTINCT FROM ${expected})`);
    after = chunk.last;
  }
  const day = dbDateOfDay(shanghaiDayNumber(today));
  await client.$executeRaw(Prisma.sql`
    INSERT INTO "TaskLightRefresh" ("id", "day", "refreshedAt") VALUES (1, ${day}, now())
    ON CONFLICT ("id") DO UPDATE SET "day" = EXCLUDED."day", "refreshedAt" = now()`);
  // The day's changes of the scopes' counts, and the writes' since yesterday, into the counts
  // (migration *_task_scope_figures): readers then add few deltas.
  await client.$executeRaw(Prisma.sql`SELECT "task_scope_figures_fold"()`);
  return { changed };
}

// The day whose stored lights are known complete. The daily job only moves it forward, so once
// today is seen it holds for the rest of the day in this process (one lookup a day per server).
let storedLightDay: number | null = null;

/** Whether the stored lights are those of the Shanghai day of `today` (refreshed for it). */
export async function storedLightsAreFor(today: Date): Promise<boolean> {
  const day = shanghaiDayNumber(today);
  if (storedLightDay === day) return true;
  if (day !== shanghaiDayNumber(new Date())) return false; // another day's figures: stored ones are today's
  const [row] = await db.$queryRaw<{ day: Date }[]>(Prisma.sql`SELECT "day" FROM "TaskLightRefresh" WHERE "id" = 1`);
  if (!row || shanghaiDayNumber(row.day) !== day) return false;
  storedLightDay = day;
  return true;
}

/**
 * SQL for the light of a "Task" row `t` on the day of `today`: the stored, indexed column when it
 * is that day's, else computed per row (light-sql.ts). Both give the same colour.
 */
export async function taskLightColumnSql(today: Date): Promise<Prisma.Sql> {
  return (await storedLightsAreFor(today)) ? Prisma.sql`t."light"` : taskLightSql(today);
}
