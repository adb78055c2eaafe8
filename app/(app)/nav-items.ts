import type { Role } from '@/lib/generated/prisma/enums';

export type NavItem = { href: string; label: string };

// Navigation differs by role; pages still check permissions themselves.
export const NAV_ITEMS: Record<Role, NavItem[]> = {
  ADMIN: [
    { href: '/', label: '工作台' },
    { href: '/tasks', label: '任务台账' },
    { href: '/plans', label: '计划导入' },
    { href: '/ranking', label: '单位排名' },
    { href: '/bulletins', label: '通报' },
    { href: '/commitments', label: '承诺书' },
    { href: '/verify', label: '核验' },
    { href: '/admin', label: '组织机构' },
    { href: '/audit', label: '审计' },
  ],
  LEADER: [
    { href: '/', label: '驾驶舱' },
    { href: '/tasks', label: '任务' },
    { href: '/ranking', label: '单位排名' },
    { href: '/commitments', label: '承诺书' },
    { href: '/verify', label: '核验' },
  ],
  UNIT_HEAD: [
    { href: '/', label: '本单位' },
    { href: '/tasks', label: '任务' },
    { href: '/commitments', label: '承诺书' },
    { href: '/verify', label: '核验' },
  ],
  UNIT_STAFF: [
    { href: '/', label: '本单位' },
    { href: '/tasks', label: '任务' },
    { href: '/verify', label: '核验' },
  ],
};
