import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { orNotFound } from '@/lib/server/page-guard';
import { getLeaderUnits } from '@/lib/server/directory/get-leader-units';
import { LeaderUnitsForm } from './leader-units-form';

export const metadata: Metadata = { title: '调整分管' };

export default async function LeaderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { leader, units, selectedUnitIds } = await orNotFound(getLeaderUnits({ user, leaderId: id }));
  return (
    <>
      <div className="page-head">
        <h1>
          {leader.name}的分管单位 <span className="muted small">{leader.title ?? ''}</span>
        </h1>
        <Link className="button secondary" href="/admin/leaders">
          返回分管
        </Link>
      </div>
      <LeaderUnitsForm leaderId={leader.id} units={units} selected={selectedUnitIds} />
    </>
  );
}
