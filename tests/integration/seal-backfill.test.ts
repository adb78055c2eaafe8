// npm run seals:backfill: letters issued before county keys existed get the county's seal once,
// and only when nothing else about them (or the history) fails verification. Each case runs in a
// transaction as the owner and is rolled back.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Tx } from '@/lib/server/db';
import { createTask } from '@/lib/server/tasks/create-task';
import { generateCommitmentDraft } from '@/lib/server/commitments/generate-commitment-draft';
import { issueCommitmentVersion } from '@/lib/server/commitments/issue-commitment-version';
import { signCommitment } from '@/lib/server/commitments/sign-commitment';
import { countersignCommitment } from '@/lib/server/commitments/countersign-commitment';
import { backfillCountySeals, COUNTY_KEYS_MIGRATION, type BackfillOutcome } from '@/lib/server/verify/backfill-county-seals';
import { verifyIntegrity } from '@/lib/server/verify/verify-integrity';
import { sessionUser, testDb, unitId } from '../support/db';

const YEAR = 2035;
const META = { ip: '10.9.8.6', userAgent: 'backfill-suite' };
class Rollback extends Error {}

let versionId: string;
let signatureIds: string[];

beforeAll(async () => {
  const admin = await sessionUser('admin');
  const unit = await unitId('tjj');
  await createTask({
    user: admin,
    input: {
      title: '补签章用例任务',
      year: YEAR,
      leadUnitId: unit,
      leaderIds: [(await sessionUser('leader')).id],
      startDate: `${YEAR}-01-01`,
      deadline: `${YEAR}-10-31`,
      targets: [],
    },
  });
  const draft = await generateCommitmentDraft({ user: admin, input: { unitId: unit, year: YEAR } });
  versionId = draft.id;
  await issueCommitmentVersion({ user: admin, input: { versionId } });
  const signed = { versionId, signedHash: draft.contentHash, password: 'luoshi2024' };
  await signCommitment({ user: await sessionUser('tjj_head'), input: signed, meta: META });
  await countersignCommitment({ user: await sessionUser('leader'), input: signed, meta: META });
  signatureIds = (await testDb.signature.findMany({ where: { versionId }, select: { id: true } })).map((s) => s.id);
});

/** The letter as a database from before county keys holds it: no SM2 seal, no SM2 signatures. */
async function stripCountySeals(tx: Tx, { issuedBeforeKeys }: { issuedBeforeKeys: boolean }) {
  await tx.commitmentVersion.update({ where: { id: versionId }, data: { sealKeyId: null, sealSignature: null } });
  await tx.signature.updateMany({ where: { versionId }, data: { keyId: null, keySignature: null } });
  if (issuedBeforeKeys) {
    await tx.$executeRaw`UPDATE _prisma_migrations SET finished_at = now() + interval '1 day' WHERE migration_name = ${COUNTY_KEYS_MIGRATION}`;
  }
}

async function inRolledBack(work: (tx: Tx) => Promise<void>) {
  await expect(
    testDb.$transaction(
      async (tx) => {
        await work(tx);
        throw new Rollback();
      },
      { timeout: 120_000 },
    ),
  ).rejects.toThrow(Rollback);
}

describe('sealing letters issued before county keys existed', () => {
  test('verify reports the missing seals; the backfill signs them once and verify is clean', async () => {
    await inRolledBack(async (tx) => {
      await stripCountySeals(tx, { issuedBeforeKeys: true });
      const before = (await verifyIntegrity(tx)).problems;
      expect(before).toHaveLength(3);
      expect(before.every((line) => line.endsWith('not signed with the county key'))).toBe(true);

      expect(await backfillCountySeals(tx)).toEqual({ ok: true, versions: [versionId], signatures: expect.arrayContaining(signatureIds) });
      expect((await verifyIntegrity(tx)).problems).toEqual([]);
      expect(await tx.auditEvent.findFirst({ where: { action: 'integrity.backfillSeals' }, orderBy: { seq: 'desc' }, select: { after: true } })).toMatchObject({
        after: { versions: [versionId] },
      });
      expect(await backfillCountySeals(tx)).toEqual({ ok: true, versions: [], signatures: [] });
    });
  });

  test('refused, nothing signed, when anything else fails verification (a signer renamed as well)', async () => {
    await inRolledBack(async (tx) => {
      await stripCountySeals(tx, { issuedBeforeKeys: true });
      await tx.signature.update({ where: { id: signatureIds[0]! }, data: { signerName: '冒名' } });
      const outcome: BackfillOutcome = await backfillCountySeals(tx);
      expect(outcome).toEqual({ ok: false, problems: [expect.stringContaining('differs from the audit record (signerName)')] });
      expect(await tx.commitmentVersion.findUniqueOrThrow({ where: { id: versionId }, select: { sealKeyId: true } })).toEqual({ sealKeyId: null });
    });
  });

  test('refused for a letter issued since county keys existed: its seal was stripped', async () => {
    await inRolledBack(async (tx) => {
      await stripCountySeals(tx, { issuedBeforeKeys: false });
      const outcome = await backfillCountySeals(tx);
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.problems).toContain(`commitment version ${versionId}: issued after county keys existed, its seal was removed`);
    });
  });
});
