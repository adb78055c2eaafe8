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
  | 'task.edit'
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
  | 'commitment.manage'
  | 'commitment.signUnit'
  | 'commitment.countersign'
  | 'audit.view'
  | 'user.manage'
  | 'settings.manage'; // county name, working year

// One map per role: the single source of what a role may do. Row-level scope is in taskScopeWhere.
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set<Permission>([
    'task.viewAll', 'task.create', 'task.edit', 'task.close', 'report.review', 'extension.decide',
    'supervision.urge', 'supervision.instruct', 'plan.import', 'bulletin.issue', 'ranking.view',
    'commitment.manage', 'audit.view', 'user.manage', 'settings.manage',
  ]),
  LEADER: new Set<Permission>(['supervision.instruct', 'supervision.urge', 'ranking.view', 'commitment.countersign']),
  UNIT_HEAD: new Set<Permission>([
    'task.report', 'task.requestClosure', 'task.requestExtension', 'supervision.respond', 'commitment.signUnit',
  ]),
  UNIT_STAFF: new Set<Permission>(['task.report', 'task.requestClosure', 'task.requestExtension', 'supervision.respond']),
};

export function can(user: Pick<SessionUser, 'role'>, permission: Permission): boolean {
  return ROLE_PERMISSIONS[user.role].has(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: '督查室',
  LEADER: '县领导',
  UNIT_HEAD: '单位负责人',
  UNIT_STAFF: '单位联络员',
};

/** Row-level scope of the tasks a user may read. Every task query goes through this `where`. */
export function taskScopeWhere(user: SessionUser): Prisma.TaskWhereInput {
  switch (user.role) {
    case 'ADMIN':
      return {};
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
  }
}

/** Tasks a unit user may change as the lead unit (co-units may only read and report). */
export function leadUnitWhere(user: SessionUser): Prisma.TaskWhereInput {
  if (user.role === 'ADMIN') return {};
  if ((user.role === 'UNIT_HEAD' || user.role === 'UNIT_STAFF') && user.unitId) return { leadUnitId: user.unitId };
  return { id: '__none__' };
}

/** Units whose data a user may see in unit-level summaries. */
export function unitScopeWhere(user: SessionUser): Prisma.UnitWhereInput {
  switch (user.role) {
    case 'ADMIN':
      return {};
    case 'LEADER':
      return { overseenBy: { some: { leaderId: user.id } } };
    default:
      return user.unitId ? { id: user.unitId } : { id: '__none__' };
  }
}
