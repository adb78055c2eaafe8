import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';

/** 组织机构 opens on the units. */
export default async function AdminPage() {
  const user = await requireUser();
  if (!can(user, 'user.manage')) notFound();
  redirect('/admin/units');
}
