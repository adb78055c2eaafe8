import 'server-only';
import type { Prisma, Role } from '@/lib/generated/prisma/client';

/** The acting user, as carried in the session and passed to every data-layer call. */
export type SessionUser = {
  id: string;
  username: string;
  name: string;
  role: Role;
  unitId: string | null;
};

export type Permission =
  | 'task.viewAll' // every task, not just a scope
  | 'task.create'
  | 'task.edit' // 修改, 拆分, 撤销 a published task
  | 'task.report' // file progress reports (lead or co-unit)
  | 'task.requestClosure'
  | 'task.requestExtension'
  | 'task.close' // approve or return closure, reopen
  | 'report.review'
  | 'extension.decide'
  | 'supervision.urge' // 催办, 督办
  | 'supervision.instruct' // 批示
  | 'supervision.respond' // answer a 督办
  | 'plan.import'
  | 'bulletin.issue'
  | 'ranking.view'
  | 'assessment.view' // 年终考核 results of the county
  | 'assessment.manage' // 考核办法, compute, adjust, publish
  | 'assessment.approve' // 审定 (a county leader)
  | 'commitment.manage'
  | 'commitment.signUnit'
  | 'commitment.countersign'
  | 'audit.view'
  | 'user.manage'
  | 'settings.manage' // county name, working year
  // Which home page (and its data) the user gets: 督查工作台, 领导驾驶舱 or 本单位任务.
  | 'dashboard.office'
  | 'dashboard.leader'
  | 'dashboard.unit';

// One map per role: the single source of what a role may do. Row-level scope is in taskScopeWhere;
// what a user may do on one task or letter combines this map with the workflow in abilities.ts,
// and the navigation shows what this map allows (app/(app)/nav-items.ts).
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set<Permission>([
    'task.viewAll', 'task.create', 'task.edit', 'task.close', 'report.review', 'extension.decide',
    'supervision.urge', 'supervision.instruct', 'plan.import', 'bulletin.issue', 'ranking.view',
    'assessment.view', 'assessment.manage', 'commitment.manage', 'audit.view', 'user.manage', 'settings.manage', 'dashboard.office',
  ]),
  LEADER: new Set<Permission>([
    'supervision.instruct', 'supervision.urge', 'ranking.view', 'assessment.view', 'assessment.approve', 'commitment.countersign', 'dashboard.leader',
  ]),
  UNIT_HEAD: new Set<Permission>([
    'task.report', 'task.requestClosure', 'task.requestExtension', 'supervision.respond', 'commitment.signUnit', 'dashboard.unit',
  ]),
  UNIT_STAFF: new Set<Permission>(['task.report', 'task.requestClosure', 'task.requestExtension', 'supervision.respond', 'dashboard.unit']),
};

export function can(user: Pick<SessionUser, 'role'>, permission: Permission): boolean {
  return ROLE_PERMISSIONS[user.role].has(permission);
}

// The Chinese role names live with the directory's vocabulary (the workbook's 角色 column uses them).
export { ROLE_LABELS } from '@/lib/core/directory/labels';

/** Row-level scope of the tasks a user may read. Every task query goes through this `where`. */
export function taskScopeWhere(user: SessionUser): Prisma.TaskWhereInput {
  if (can(user, 'task.viewAll')) return {};
  switch (user.role) {
    case 'LEADER':
      return {
        OR: [
          { leaders: { some: { leaderId: user.id } } },
          { leadUnit: { overseenBy: { some: { leaderId: user.id } } } },
          { coUnits: { some: { unit: { overseenBy: { some: { leaderId: user.id } } } } } },
        ],
      };
    case 'UNIT_HEAD':
    case 'UNIT_STAFF':
      // A unit user without a unit sees nothing rather than everything.
      if (!user.unitId) return { id: '__none__' };
      return { OR: [{ leadUnitId: user.unitId }, { coUnits: { some: { unitId: user.unitId } } }] };
    default:
      return { id: '__none__' };
  }
}

/** Units whose data a user may see in unit-level summaries. */
export function unitScopeWhere(user: SessionUser): Prisma.UnitWhereInput {
  if (can(user, 'task.viewAll')) return {};
  switch (user.role) {
    case 'LEADER':
      return { overseenBy: { some: { leaderId: user.id } } };
    default:
      return user.unitId ? { id: user.unitId } : { id: '__none__' };
  }
}
