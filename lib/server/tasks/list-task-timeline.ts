import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import { loadSupervisionRows } from '@/lib/server/supervision/load-supervision-rows';
import { parseStoredAttachments, type StoredAttachment } from '@/lib/core/attachments/policy';

type Named = { id: string; name: string } | null;

export type TimelineReport = {
  kind: 'report';
  id: string;
  at: Date;
  unit: { id: string; shortName: string };
  author: Named;
  periodKey: string;
  closureRequest: boolean;
  narrative: string;
  percent: number;
  targetActuals: { targetId: string; actual: number }[];
  attachments: StoredAttachment[];
  reviewState: 'PENDING' | 'ACCEPTED' | 'RETURNED';
  reviewReason: string | null;
  reviewedBy: Named;
  reviewedAt: Date | null;
};

export type TimelineSupervision = {
  kind: 'supervision';
  id: string;
  at: Date;
  type: 'URGE' | 'SUPERVISE' | 'INSTRUCTION';
  author: Named;
  recipientUnit: { id: string; shortName: string } | null;
  text: string;
  responseDue: Date | null;
  response: string | null;
  respondedAt: Date | null;
  responder: Named;
};

export type TimelineExtension = {
  kind: 'extension';
  id: string;
  at: Date;
  requester: Named;
  previousDeadline: Date;
  requestedDeadline: Date;
  reason: string;
  decision: 'PENDING' | 'APPROVED' | 'REJECTED';
  decisionReason: string | null;
  decider: Named;
  decidedAt: Date | null;
};

export type TimelineAudit = {
  kind: 'audit';
  id: string;
  at: Date;
  action: string;
  actor: Named;
  /** The reason recorded with a 退回 or 重新办理. */
  reason: string | null;
};

export type TimelineEntry = TimelineReport | TimelineSupervision | TimelineExtension | TimelineAudit;

/** A person joined in SQL (`<prefix>Id`, `<prefix>Name`): null when the row has none. */
const named = (id: string | null, name: string | null): Named => (id === null ? null : { id, name: name ?? '' });

type ReportRow = {
  id: string; createdAt: Date; periodKey: string; closureRequest: boolean; narrative: string; percent: number; targetActuals: unknown; attachments: unknown;
  reviewState: TimelineReport['reviewState']; reviewReason: string | null; reviewedAt: Date | null;
  unitId: string; unitShortName: string; authorId: string; authorName: string; reviewerId: string | null; reviewerName: string | null;
};
type ExtensionRow = {
  id: string; createdAt: Date; previousDeadline: Date; requestedDeadline: Date; reason: string; decision: TimelineExtension['decision']; decisionReason: string | null; decidedAt: Date | null;
  requesterId: string; requesterName: string; deciderId: string | null; deciderName: string | null;
};
type AuditRow = { id: string; createdAt: Date; action: string; after: unknown; actorId: string | null; actorName: string | null };

function parseTargetActuals(value: unknown): { targetId: string; actual: number }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const { targetId, actual } = (entry ?? {}) as Record<string, unknown>;
    return typeof targetId === 'string' && typeof actual === 'number' ? [{ targetId, actual }] : [];
  });
}

function recordedReason(after: unknown): string | null {
  const reason = typeof after === 'object' && after !== null ? (after as Record<string, unknown>).reason : null;
  return typeof reason === 'string' ? reason : null;
}

/**
 * Everything that happened to one task, newest first: progress reports (with attachments),
 * 催办/督办/批示, extension requests, and the task's own audit events (交办, 签收, status changes,
 * deadline changes). Reports, supervision and extensions carry their own review state, so their
 * audit rows (and the task.progress row each lead report writes) are not repeated here; the full
 * audit log is on the audit page.
 */
export async function listTaskTimeline({ user, taskId }: { user: SessionUser; taskId: string }): Promise<TimelineEntry[]> {
  // Each kind in one statement with its people and units joined; the scope check beside them, and
  // nothing is returned unless it passes.
  const [task, reports, supervisions, extensions, audits] = await Promise.all([
    db.task.findFirst({ where: { AND: [{ id: taskId }, taskScopeWhere(user)] }, select: { id: true } }),
    db.$queryRaw<ReportRow[]>(Prisma.sql`
      SELECT r."id", r."createdAt", r."periodKey", r."closureRequest", r."narrative", r."percent", r."targetActuals", r."attachments",
        r."reviewState"::text AS "reviewState", r."reviewReason", r."reviewedAt", u."id" AS "unitId", u."shortName" AS "unitShortName",
        a."id" AS "authorId", a."name" AS "authorName", v."id" AS "reviewerId", v."name" AS "reviewerName"
      FROM "ProgressReport" r JOIN "Unit" u ON u."id" = r."unitId" JOIN "User" a ON a."id" = r."authorId" LEFT JOIN "User" v ON v."id" = r."reviewedById"
      WHERE r."taskId" = ${taskId}`),
    loadSupervisionRows(taskId),
    db.$queryRaw<ExtensionRow[]>(Prisma.sql`
      SELECT e."id", e."createdAt", e."previousDeadline", e."requestedDeadline", e."reason", e."decision"::text AS "decision", e."decisionReason", e."decidedAt",
        q."id" AS "requesterId", q."name" AS "requesterName", d."id" AS "deciderId", d."name" AS "deciderName"
      FROM "ExtensionRequest" e JOIN "User" q ON q."id" = e."requesterId" LEFT JOIN "User" d ON d."id" = e."deciderId"
      WHERE e."taskId" = ${taskId}`),
    // task.progress repeats what its report entry shows.
    db.$queryRaw<AuditRow[]>(Prisma.sql`
      SELECT e."id", e."createdAt", e."action", e."after", a."id" AS "actorId", a."name" AS "actorName"
      FROM "AuditEvent" e LEFT JOIN "User" a ON a."id" = e."actorId"
      WHERE e."entity" = 'Task' AND e."entityId" = ${taskId} AND e."action" <> 'task.progress'`),
  ]);
  if (!task) throw notFound();

  const entries: TimelineEntry[] = [
    ...reports.map(
      (r): TimelineReport => ({
        kind: 'report',
        id: r.id,
        at: r.createdAt,
        unit: { id: r.unitId, shortName: r.unitShortName },
        author: named(r.authorId, r.authorName),
        periodKey: r.periodKey,
        closureRequest: r.closureRequest,
        narrative: r.narrative,
        percent: r.percent,
        targetActuals: parseTargetActuals(r.targetActuals),
        attachments: parseStoredAttachments(r.attachments),
        reviewState: r.reviewState,
        reviewReason: r.reviewReason,
        reviewedBy: named(r.reviewerId, r.reviewerName),
        reviewedAt: r.reviewedAt,
      }),
    ),
    ...supervisions.map(
      (s): TimelineSupervision => ({
        kind: 'supervision',
        id: s.id,
        at: s.createdAt,
        type: s.kind,
        author: named(s.authorId, s.authorName),
        recipientUnit: s.recipientUnitId === null ? null : { id: s.recipientUnitId, shortName: s.recipientShortName ?? '' },
        text: s.text,
        responseDue: s.responseDue,
        response: s.response,
        respondedAt: s.respondedAt,
        responder: named(s.responderId, s.responderName),
      }),
    ),
    ...extensions.map(
      (e): TimelineExtension => ({
        kind: 'extension',
        id: e.id,
        at: e.createdAt,
        requester: named(e.requesterId, e.requesterName),
        previousDeadline: e.previousDeadline,
        requestedDeadline: e.requestedDeadline,
        reason: e.reason,
        decision: e.decision,
        decisionReason: e.decisionReason,
        decider: named(e.deciderId, e.deciderName),
        decidedAt: e.decidedAt,
      }),
    ),
    ...audits.map(
      (a): TimelineAudit => ({ kind: 'audit', id: a.id, at: a.createdAt, action: a.action, actor: named(a.actorId, a.actorName), reason: recordedReason(a.after) }),
    ),
  ];
  // Newest first; within the same instant, keep a stable order by kind and id.
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime() || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}
