import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';

/** Plans, newest first, with item and task counts. Units and leaders see only published plans. */
export async function listPlans({ user }: { user: SessionUser }) {
  return db.plan.findMany({
    where: can(user, 'plan.import') ? {} : { status: 'PUBLISHED' },
    orderBy: [{ createdAt: 'desc' }],
    select: {
      id: true,
      title: true,
      year: true,
      kind: true,
      status: true,
      sourceName: true,
      createdAt: true,
      publishedAt: true,
      _count: { select: { items: true, tasks: true } },
    },
  });
}
