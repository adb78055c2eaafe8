import 'server-only';
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { verifyIntegrity, type IntegrityReport } from './verify-integrity';
import { writeAuditCheckpoint } from './write-audit-checkpoint';

/** Setting that keeps the outcome of the last full check, for the office's status panel. */
export const INTEGRITY_SETTING_KEY = 'integrity.lastCheck';

const KEPT_PROBLEMS = 50;

export type IntegrityCheckOutcome = {
  at: string;
  problemCount: number;
  /** The first problems, as `npm run verify` prints them. */
  problems: string[];
  checked: IntegrityReport['checked'];
  /** The checkpoint written by this run (only a clean run writes one). */
  checkpoint: { seq: number; eventSeq: number; eventCount: number } | null;
};

/**
 * The scheduled (and `npm run verify`'s) full check: verify everything; when clean, anchor the chain
 * with a new signed checkpoint; keep the outcome for the status panel; on a break, notify the office
 * once per distinct set of problems and record it in the audit log.
 */
export async function runIntegrityCheck(client: PrismaClient, now = new Date()) {
  const report = await verifyIntegrity(client);
  const checkpoint = report.problems.length === 0 ? await writeAuditCheckpoint(client, now) : null;
  const outcome: IntegrityCheckOutcome = {
    at: now.toISOString(),
    problemCount: report.problems.length,
    problems: report.problems.slice(0, KEPT_PROBLEMS),
    checked: report.checked,
    checkpoint: checkpoint && { seq: checkpoint.seq, eventSeq: checkpoint.eventSeq, eventCount: checkpoint.eventCount },
  };
  await client.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: INTEGRITY_SETTING_KEY }, create: { key: INTEGRITY_SETTING_KEY, value: outcome }, update: { value: outcome } });
    if (report.problems.length === 0) return;
    const fingerprint = createHash('sha256').update(report.problems.join('\n')).digest('hex').slice(0, 16);
    const notified = await createNotifications(
      tx,
      { admins: true },
      {
        kind: 'integrity.broken',
        title: `【完整性核验失败】发现 ${report.problems.length} 处数据在系统之外被改动`,
        body: report.problems.slice(0, 3).join('\n'),
        link: '/verify',
        dedupeKey: `integrity:${fingerprint}`,
      },
    );
    if (notified > 0) {
      await recordAuditEvent(tx, { actorId: null, action: 'integrity.broken', entity: 'Job', entityId: `integrity:${fingerprint}`, after: { problemCount: report.problems.length, problems: outcome.problems.slice(0, 10) } });
    }
  });
  return { report, outcome };
}
