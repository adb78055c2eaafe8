import 'server-only';
import { can, type Permission, type SessionUser } from '@/lib/server/auth/permissions';

export type NavItem = { href: string; label: string };

/** An entry shows to a user with any of `anyOf` (always, without it) and none of `unless`. */
type NavEntry = NavItem & { anyOf?: Permission[]; unless?: Permission };

// The navigation is derived from ROLE_PERMISSIONS: each entry names the permission its page needs.
const NAV_ENTRIES: NavEntry[] = [
  { href: '/', label: '工作台', anyOf: ['dashboard.office'] },
  { href: '/', label: '驾驶舱', anyOf: ['dashboard.leader'] },
  { href: '/', label: '本单位', anyOf: ['dashboard.unit'] },
  { href: '/tasks', label: '任务台账', anyOf: ['task.viewAll'] },
  { href: '/tasks', label: '任务', unless: 'task.viewAll' },
  { href: '/plans', label: '计划导入', anyOf: ['plan.import'] },
  { href: '/reports', label: '报告审核', anyOf: ['report.review'] },
  { href: '/ranking', label: '单位排名', anyOf: ['ranking.view'] },
  { href: '/assessment', label: '年终考核', anyOf: ['assessment.view'] },
  { href: '/bulletins', label: '通报', anyOf: ['bulletin.issue'] },
  // Those who manage, sign or countersign letters.
  { href: '/commitments', label: '承诺书', anyOf: ['commitment.manage', 'commitment.countersign', 'commitment.signUnit'] },
  { href: '/verify', label: '核验' },
  { href: '/admin', label: '组织机构', anyOf: ['user.manage'] },
  { href: '/audit', label: '审计', anyOf: ['audit.view'] },
];

export function navItemsFor(user: Pick<SessionUser, 'role'>): NavItem[] {
  return NAV_ENTRIES.filter((entry) => (!entry.anyOf || entry.anyOf.some((p) => can(user, p))) && !(entry.unless && can(user, entry.unless))).map(
    ({ href, label }) => ({ href, label }),
  );
}
