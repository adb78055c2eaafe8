import 'server-only';
import { db } from '@/lib/server/db';
import { taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
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

const person = { select: { id: true, name: true } } as const;

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
  const task = await db.task.findFirst({ where: { AND: [{ id: taskId }, taskScopeWhere(user)] }, select: { id: true } });
  if (!task) throw notFound();

  const [reports, supervisions, extensions, audits] = await Promise.all([
    db.progressReport.findMany({
      where: { taskId: task.id },
      include: { unit: { select: { id: true, shortName: true } }, author: person, reviewedBy: person },
    }),
    db.supervisionAction.findMany({
      where: { taskId: task.id },
      include: { author: person, responder: person, recipientUnit: { select: { id: true, shortName: true } } },
    }),
    db.extensionRequest.findMany({ where: { taskId: task.id }, include: { requester: person, decider: person } }),
    // task.progress repeats what its report entry shows.
    db.auditEvent.findMany({ where: { entity: 'Task', entityId: task.id, action: { not: 'task.progress' } }, include: { actor: person } }),
  ]);

  const entries: TimelineEntry[] = [
    ...reports.map(
      (r): TimelineReport => ({
        kind: 'report',
        id: r.id,
        at: r.createdAt,
        unit: r.unit,
        author: r.author,
        periodKey: r.periodKey,
        closureRequest: r.closureRequest,
        narrative: r.narrative,
        percent: r.percent,
        targetActuals: parseTargetActuals(r.targetActuals),
        attachments: parseStoredAttachments(r.attachments),
        reviewState: r.reviewState,
        reviewReason: r.reviewReason,
        reviewedBy: r.reviewedBy,
        reviewedAt: r.reviewedAt,
      }),
    ),
    ...supervisions.map(
      (s): TimelineSupervision => ({
        kind: 'supervision',
        id: s.id,
        at: s.createdAt,
        type: s.kind,
        author: s.author,
        recipientUnit: s.recipientUnit,
        text: s.text,
        responseDue: s.responseDue,
        response: s.response,
        respondedAt: s.respondedAt,
        responder: s.responder,
      }),
    ),
    ...extensions.map(
      (e): TimelineExtension => ({
        kind: 'extension',
        id: e.id,
        at: e.createdAt,
        requester: e.requester,
        previousDeadline: e.previousDeadline,
        requestedDeadline: e.requestedDeadline,
        reason: e.reason,
        decision: e.decision,
        decisionReason: e.decisionReason,
        decider: e.decider,
        decidedAt: e.decidedAt,
      }),
    ),
    ...audits.map(
      (a): TimelineAudit => ({ kind: 'audit', id: a.id, at: a.createdAt, action: a.action, actor: a.actor, reason: recordedReason(a.after) }),
    ),
  ];
  // Newest first; within the same instant, keep a stable order by kind and id.
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime() || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}
