import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { UnitForm } from '../unit-form';
import { createUnitAction } from '../actions';

export const metadata: Metadata = { title: '新建单位' };

export default async function NewUnitPage() {
  const user = await requireUser();
  if (!can(user, 'user.manage')) notFound();
  return (
    <>
      <div className="page-head">
        <h1>新建单位</h1>
      </div>
      <UnitForm action={createUnitAction} />
    </>
  );
}
