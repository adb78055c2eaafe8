import 'server-only';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { getUnitTaskStats } from '@/lib/server/ranking/get-unit-task-stats';
import { rankUnits } from '@/lib/core/ranking/score-units';

/** Every unit with tasks in `year`, ranked by the documented score (lib/ranking/score-units.ts). Needs `ranking.view`. */
export async function getUnitRanking({ user, year, today = new Date() }: { user: SessionUser; year: number; today?: Date }) {
  return rankUnits(await getUnitTaskStats({ user, scope: 'county', year, asOf: today }));
}
