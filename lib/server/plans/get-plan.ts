import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';

/** A plan with its item tree in document order and each item's task once published (office only). */
export async function getPlan({ user, planId }: { user: SessionUser; planId: string }) {
  if (!can(user, 'plan.import')) throw notFound();
  const plan = await db.plan.findUnique({
    where: { id: planId },
    include: { items: { orderBy: { position: 'asc' }, include: { task: { select: { id: true, code: true, deadline: true, leadUnit: { select: { name: true } } } } } }, _count: { select: { tasks: true } } },
  });
  if (!plan) throw notFound();
  return plan;
}

export type PlanWithItems = Awaited<ReturnType<typeof getPlan>>;
