import type { Metadata } from 'next';
import { requireUser } from '@/lib/server/auth/session';
import { orNotFound } from '@/lib/server/page-guard';
import { listUnitChoices } from '@/lib/server/directory/list-unit-choices';
import { NewUserForm } from './new-user-form';

export const metadata: Metadata = { title: '新建用户' };

export default async function NewUserPage() {
  const user = await requireUser();
  const units = await orNotFound(listUnitChoices({ user }));
  return (
    <>
      <div className="page-head">
        <h1>新建用户</h1>
      </div>
      <NewUserForm units={units} />
    </>
  );
}
