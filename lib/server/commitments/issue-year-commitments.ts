import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, UserFacingError } from '@/lib/server/errors';
import { z } from 'zod';
import { commitmentYearSchema } from '@/lib/core/schemas/commitment';
import type { BulkOutcome } from '@/lib/core/bulk/outcome';
import { generateCommitmentDraft } from './generate-commitment-draft';
import { issueCommitmentVersion } from './issue-commitment-version';

const yearInput = z.object({ year: commitmentYearSchema });

/**
 * 一键生成并下发: every active unit that leads or supports a task of the year gets its letter
 * generated from the current tasks (or its draft refreshed) and issued for signing, each unit
 * through generateCommitmentDraft and issueCommitmentVersion (their own transactions, audit rows
 * and notices). A letter already issued is left alone (it changes only by 修订).
 */
export async function issueYearCommitments({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }): Promise<BulkOutcome> {
  if (!can(user, 'commitment.manage')) throw forbidden('下发承诺书');
  const { year } = parseInput(yearInput, input);
  const units = await db.unit.findMany({
    where: {
      active: true,
      OR: [
        { leadTasks: { some: { year, status: { not: 'CANCELLED' } } } },
        { coTasks: { some: { task: { year, status: { not: 'CANCELLED' } } } } },
      ],
    },
    orderBy: { sortOrder: 'asc' },
    select: { id: true, shortName: true, commitments: { where: { year }, select: { versions: { orderBy: { version: 'desc' }, take: 1, select: { status: true } } } } },
  });
  const outcome: BulkOutcome = { done: 0, skipped: { count: 0, reason: '已下发' }, failed: [] };
  for (const unit of units) {
    const latest = unit.commitments[0]?.versions[0];
    if (latest && latest.status !== 'DRAFT') {
      outcome.skipped!.count += 1;
      continue;
    }
    try {
      const draft = await generateCommitmentDraft({ user, ip, input: { unitId: unit.id, year } });
      await issueCommitmentVersion({ user, ip, input: { versionId: draft.id } });
      outcome.done += 1;
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      outcome.failed.push({ label: unit.shortName, message: error.message });
    }
  }
  return outcome;
}
