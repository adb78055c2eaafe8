'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './admin.module.css';

const TABS = [
  { href: '/admin/units', label: '单位' },
  { href: '/admin/users', label: '人员' },
  { href: '/admin/leaders', label: '分管' },
  { href: '/admin/directory', label: '目录工作簿' },
  { href: '/admin/api-tokens', label: '接口令牌' },
  { href: '/admin/settings', label: '设置' },
  { href: '/admin/sign-in', label: '登录方式' },
  { href: '/admin/channels', label: '外发渠道' },
  { href: '/admin/deliveries', label: '发送记录' },
];

export function AdminTabs() {
  const pathname = usePathname();
  return (
    <nav className={styles.tabs} aria-label="组织机构">
      {TABS.map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={pathname.startsWith(tab.href) ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
