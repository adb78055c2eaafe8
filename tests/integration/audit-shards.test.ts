// The audit chain in shards: concurrent writers append to different shards, verify walks each one,
// a checkpoint signs every shard's head, and tampering with a non-zero shard is detected like
// tampering with the single chain was. Plus the optimistic lock under concurrent progress reports.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuditEvent } from '@/lib/generated/prisma/client';
import { chainAuditEvent } from '@/lib/core/audit/chain';
import { recordAuditEvents } from '@/lib/server/audit/record-audit-event';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { verifyIntegrity } from '@/lib/server/verify/verify-integrity';
import { writeAuditCheckpoint } from '@/lib/server/verify/write-audit-checkpoint';
import { checkAuditAnchors } from '@/lib/server/verify/check-audit-anchors';
import { sessionUser, testDb } from '../support/db';
import { workflowTask } from '../support/workflow';

/** `writers` transactions at once, each appending two events and holding its shard a moment: the shards they used. */
async function concurrentAppends(writers: number, label: string) {
  return Promise.all(
    Array.from({ length: writers }, (_, w) =>
      testDb.$transaction(async (tx) => {
        await recordAuditEvents(tx, [1, 2].map((n) => ({ actorId: null, action: 'integrity.broken' as const, entity: 'Job' as const, entityId: `${label}-${w}-${n}`, after: { n } })));
        await tx.$executeRaw`SELECT pg_sleep(0.3)`;
        const [event] = await tx.auditEvent.findMany({ where: { entityId: `${label}-${w}-1` }, select: { shard: true } });
        return event!.shard;
      }),
    ),
  );
}

let shard: number;
let events: AuditEvent[];

const shardEvents = () => testDb.auditEvent.findMany({ where: { shard }, orderBy: { seq: 'asc' } });
const problems = async () => (await verifyIntegrity(testDb)).problems;

/** Puts the given original rows back (deleting whatever now holds their ids or seqs). */
async function restore(originals: AuditEvent[]) {
  await testDb.auditEvent.deleteMany({ where: { OR: [{ id: { in: originals.map((e) => e.id) } }, { seq: { in: originals.map((e) => e.seq) } }] } });
  await testDb.auditEvent.createMany({ data: originals.map((e) => ({ ...e, before: e.before ?? undefined, after: e.after ?? undefined })) });
}

beforeAll(async () => {
  const first = await concurrentAppends(3, 'shards-a');
  const second = await concurrentAppends(3, 'shards-b');
  // Each batch spread over three shards (the first free ones), not one chain behind one lock.
  expect(new Set(first).size).toBe(3);
  expect(new Set(second).size).toBe(3);
  shard = Math.max(...first.filter((s) => second.includes(s)));
  expect(shard).toBeGreaterThan(0);
  expect(await problems()).toEqual([]);
  const checkpoint = await writeAuditCheckpoint(testDb);
  expect(checkpoint!.heads!.map((h) => h.shard)).toEqual(expect.arrayContaining([0, ...first, ...second]));
  events = await shardEvents();
  expect(events.length).toBeGreaterThanOrEqual(4);
});

afterAll(async () => {
  expect(await problems()).toEqual([]);
});

describe('the sharded audit chain', () => {
  test('a checkpoint signs every shard head; the page check agrees; with nothing new no checkpoint is written', async () => {
    expect((await checkAuditAnchors(testDb)).problems).toEqual([]);
    expect(await writeAuditCheckpoint(testDb)).toBeNull();
  });

  test('an edited event in a non-zero shard: hash mismatch, named with its shard', async () => {
    const target = events[1]!;
    try {
      await testDb.auditEvent.update({ where: { id: target.id }, data: { after: { n: 99 } } });
      expect(await problems()).toContain(`audit event seq ${target.seq} (shard ${shard}): hash mismatch`);
    } finally {
      await restore([target]);
    }
  });

  test('an edit re-chained to the shard’s head: the checkpoint no longer matches that head', async () => {
    const from = events.slice(1);
    try {
      let previous: { hash: string } = events[0]!;
      for (const event of from) {
        const after = event.seq === from[0]!.seq ? { n: 99 } : event.after;
        const rechained = chainAuditEvent(previous, { shard, actorId: event.actorId, action: event.action, entity: event.entity, entityId: event.entityId, before: event.before, after, at: event.createdAt.toISOString() });
        await testDb.auditEvent.update({ where: { id: event.id }, data: { after: after as object, prevHash: rechained.prevHash, hash: rechained.hash } });
        previous = rechained;
      }
      const found = await problems();
      expect(found).toContain(`audit checkpoint ${(await latestCheckpoint()).seq}: audit event seq ${events.at(-1)!.seq} in shard ${shard} no longer has the anchored hash (chain rewritten)`);
      expect(found.filter((p) => p.startsWith('audit event seq'))).toEqual([]); // the shard itself holds together
      expect((await checkAuditAnchors(testDb)).problems.some((p) => p.includes(`分片 ${shard} 的审计记录 #${events.at(-1)!.seq} 的哈希与核验点不符`))).toBe(true);
    } finally {
      await restore(from);
    }
  });

  test('the shard’s tail deleted: the anchored head is missing and its count is short', async () => {
    const tail = events.at(-1)!;
    try {
      await testDb.auditEvent.delete({ where: { id: tail.id } });
      const found = await problems();
      const latest = await latestCheckpoint();
      expect(found).toContain(`audit checkpoint ${latest.seq}: audit event seq ${tail.seq} in shard ${shard} it anchors is missing (chain truncated?)`);
      expect(found).toContain(`audit checkpoint ${latest.seq}: ${events.length} audit events anchored in shard ${shard} up to seq ${latest.eventSeq}, ${events.length - 1} found (events deleted)`);
      expect((await checkAuditAnchors(testDb)).problems.some((p) => p.includes('审计链被截断'))).toBe(true);
    } finally {
      await restore([tail]);
    }
  });

  test('an event deleted from the middle, and two events swapped: the shard’s links break', async () => {
    const [a, b, c] = events as [AuditEvent, AuditEvent, AuditEvent];
    try {
      await testDb.auditEvent.delete({ where: { id: b.id } });
      expect(await problems()).toContain(`audit event seq ${c.seq} (shard ${shard}): chain link broken (previous event changed or removed)`);
    } finally {
      await restore([b]);
    }
    try {
      await testDb.$transaction([
        testDb.auditEvent.update({ where: { id: a.id }, data: { seq: -1 } }),
        testDb.auditEvent.update({ where: { id: b.id }, data: { seq: a.seq } }),
        testDb.auditEvent.update({ where: { id: a.id }, data: { seq: b.seq } }),
      ]);
      expect((await problems()).filter((p) => p.endsWith(`(shard ${shard}): chain link broken (previous event changed or removed)`)).length).toBeGreaterThanOrEqual(2);
    } finally {
      await restore([a, b]);
    }
  });

  test('an event moved to another shard, and a well-chained event slipped into a shard’s anchored history', async () => {
    const moved = events[1]!;
    try {
      await testDb.auditEvent.update({ where: { id: moved.id }, data: { shard: 0 } });
      expect(await problems()).toContain(`audit event seq ${moved.seq}: hash mismatch`);
    } finally {
      await restore([moved]);
    }
    // A shard of its own, so its chain is intact; only the checkpoints' counts can tell.
    const forged = chainAuditEvent(null, { shard: 15, actorId: null, action: 'integrity.broken', entity: 'Job', entityId: 'forged', before: null, after: { n: 1 }, at: new Date(0).toISOString() });
    try {
      await testDb.auditEvent.create({ data: { seq: 0, shard: 15, actorId: null, action: 'integrity.broken', entity: 'Job', entityId: 'forged', after: { n: 1 }, prevHash: null, hash: forged.hash, createdAt: new Date(0) } });
      const latest = await latestCheckpoint();
      expect(await problems()).toContain(`audit checkpoint ${latest.seq}: 0 audit events anchored in shard 15 up to seq ${latest.eventSeq}, 1 found (events added to anchored history)`);
    } finally {
      await testDb.auditEvent.deleteMany({ where: { seq: 0 } });
    }
  });
});

describe('progress reports racing on one task', () => {
  test('of five reports on the same version exactly one is filed; the rest get 已被他人修改 and nothing is lost', async () => {
    const task = await workflowTask('并发报送同一任务');
    const staff = await sessionUser('fgj_staff');
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => fileProgressReport({ user: staff, input: { taskId: task.id, version: 1, narrative: `并发报送 ${i}`, percent: 10 + i } })),
    );
    const filed = results.filter((r) => r.status === 'fulfilled');
    expect(filed).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toContain('已被他人修改');
    const after = await testDb.task.findUniqueOrThrow({ where: { id: task.id }, select: { version: true, reportedPercent: true } });
    expect(after.version).toBe(2);
    expect(await testDb.progressReport.count({ where: { taskId: task.id } })).toBe(1);
    expect(after.reportedPercent).toBe((filed[0] as PromiseFulfilledResult<{ percent: number }>).value.percent);

    // Retrying with the re-read version, all five get through: five version steps, five reports, one audit event each.
    let done = 1;
    await Promise.all(
      Array.from({ length: 4 }, async (_, i) => {
        for (;;) {
          const { version } = await testDb.task.findUniqueOrThrow({ where: { id: task.id }, select: { version: true } });
          try {
            await fileProgressReport({ user: staff, input: { taskId: task.id, version, narrative: `重试报送 ${i}`, percent: 50 } });
            done += 1;
            return;
          } catch (error) {
            if (!String(error).includes('已被他人修改')) throw error;
          }
        }
      }),
    );
    expect(done).toBe(5);
    expect((await testDb.task.findUniqueOrThrow({ where: { id: task.id } })).version).toBe(6);
    expect(await testDb.progressReport.count({ where: { taskId: task.id } })).toBe(5);
    expect(await testDb.auditEvent.count({ where: { entityId: task.id, action: 'task.progress' } })).toBe(5);
  });
});

async function latestCheckpoint() {
  return testDb.auditCheckpoint.findFirstOrThrow({ orderBy: { seq: 'desc' } });
}
