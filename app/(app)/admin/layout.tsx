import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { AdminTabs } from './admin-tabs';

/** The organisation pages share a tab bar; each page still refuses anyone without `user.manage`. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      {can(user, 'user.manage') && <AdminTabs />}
      {children}
    </>
  );
}
