import { beforeAll, describe, expect, test } from 'vitest';
import { createTask } from '@/lib/server/tasks/create-task';
import { editTask } from '@/lib/server/tasks/edit-task';
import { generateCommitmentDraft } from '@/lib/server/commitments/generate-commitment-draft';
import { updateCommitmentPreamble } from '@/lib/server/commitments/update-commitment-preamble';
import { issueCommitmentVersion } from '@/lib/server/commitments/issue-commitment-version';
import { signCommitment } from '@/lib/server/commitments/sign-commitment';
import { countersignCommitment } from '@/lib/server/commitments/countersign-commitment';
import { getCommitment } from '@/lib/server/commitments/get-commitment';
import { getCommitmentVersion } from '@/lib/server/commitments/get-commitment-version';
import { checkCommitmentCurrency } from '@/lib/server/commitments/check-commitment-currency';
import { listCommitmentStatus, listOutdatedLetters } from '@/lib/server/commitments/list-commitment-status';
import { amendCommitment } from '@/lib/server/commitments/amend-commitment';
import { findByHash } from '@/lib/server/commitments/find-by-hash';
import { describeCommitmentChange, hashCanonical, verificationCode } from '@/lib/core/commitment/canonical';
import { signatureHash } from '@/lib/core/commitment/letter';
import { verifyIntegrity } from '@/lib/server/verify/verify-integrity';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { databaseKind, sessionUser, testDb, unitId } from '../support/db';

// A year no other test uses, so the unit's letter holds exactly the tasks made here.
const YEAR = 2031;
const PASSWORD = 'luoshi2024';
const META = { ip: '10.1.2.3', userAgent: 'vitest-agent' };

let admin: SessionUser;
let tjjId: string;
let leadTaskId: string;
let coTaskId: string;

async function version(id: string) {
  return testDb.commitmentVersion.findUniqueOrThrow({ where: { id }, include: { signatures: true } });
}

async function auditCount() {
  return testDb.auditEvent.count();
}

beforeAll(async () => {
  admin = await sessionUser('admin');
  tjjId = await unitId('tjj');
  const leader = await sessionUser('leader');
  const lead = await createTask({
    user: admin,
    input: {
      title: '统计数据质量提升行动',
      year: YEAR,
      leadUnitId: tjjId,
      leaderIds: [leader.id],
      startDate: `${YEAR}-01-01`,
      deadline: `${YEAR}-06-30`,
      targets: [{ metric: '统计数据差错率控制在1%以内', comparator: '<=', value: 1, valueMax: null, unit: '%' }],
    },
  });
  const co = await createTask({
    user: admin,
    input: {
      title: '全年固定资产投资增长8%',
      year: YEAR,
      leadUnitId: await unitId('fgj'),
      coUnitIds: [tjjId],
      leaderIds: [leader.id],
      startDate: `${YEAR}-01-01`,
      deadline: `${YEAR}-12-31`,
      targets: [{ metric: '固定资产投资增长8%', comparator: '>=', value: 8, valueMax: null, unit: '%' }],
    },
  });
  leadTaskId = lead.id;
  coTaskId = co.id;
});

describe(`commitment letters through the data layer (${databaseKind} PostgreSQL)`, () => {
  let v1: string;
  let v1Hash: string;

  test('the office generates a draft listing the lead and the co-unit tasks; only the office may', async () => {
    await expect(generateCommitmentDraft({ user: await sessionUser('tjj_head'), input: { unitId: tjjId, year: YEAR } })).rejects.toThrow(
      '无权执行生成承诺书',
    );
    const draft = await generateCommitmentDraft({ user: admin, input: { unitId: tjjId, year: YEAR } });
    v1 = draft.id;
    expect(draft.version).toBe(1);
    expect(draft.status).toBe('DRAFT');
    expect(draft.preamble).toContain(`为全面完成${YEAR}年度各项目标任务`);
    expect(draft.preamble).toContain('根据示范县');
    expect(draft.preamble).toContain('县统计局作为责任单位');
    const detail = await getCommitment({ user: admin, unitId: tjjId, year: YEAR });
    const content = detail.commitment!.versions[0]!.content!;
    expect(content.leadTasks.map((t) => [t.seq, t.title, t.deadline, t.leadLeader])).toEqual([[1, '统计数据质量提升行动', `${YEAR}-06-30`, '张建华']]);
    expect(content.leadTasks[0]!.targets).toEqual([{ text: '统计数据差错率控制在1%以内', comparator: '<=', value: 1, valueMax: null, unit: '%' }]);
    expect(content.coTasks.map((t) => t.taskId)).toEqual([coTaskId]);
    expect(draft.contentHash).toBe(hashCanonical(content));
    // Drafts are the office's: the unit does not see one yet.
    const unitView = await getCommitment({ user: await sessionUser('tjj_head'), unitId: tjjId, year: YEAR });
    expect(unitView.commitment!.versions).toEqual([]);
  });

  test('the office edits the preamble of the draft; bad input changes nothing', async () => {
    const before = await version(v1);
    await expect(updateCommitmentPreamble({ user: admin, input: { versionId: v1, preamble: '太短' } })).rejects.toThrow('承诺书正文不能少于10个字');
    expect((await version(v1)).contentHash).toBe(before.contentHash);
    const preamble = `${before.preamble}\n四、本单位对统计数据的真实性负责。`;
    const edited = await updateCommitmentPreamble({ user: admin, input: { versionId: v1, preamble } });
    expect(edited.preamble).toBe(preamble);
    expect((edited.content as { preamble: string }).preamble).toBe(preamble);
    expect(edited.contentHash).not.toBe(before.contentHash);
  });

  test('issuing freezes the content and asks the unit head to sign', async () => {
    await expect(issueCommitmentVersion({ user: await sessionUser('leader'), input: { versionId: v1 } })).rejects.toThrow('无权执行');
    const issued = await issueCommitmentVersion({ user: admin, input: { versionId: v1 } });
    expect(issued.status).toBe('ISSUED');
    expect(issued.issuedAt).toBeInstanceOf(Date);
    v1Hash = issued.contentHash;
    const head = await sessionUser('tjj_head');
    const notes = await testDb.notification.findMany({ where: { userId: head.id, kind: 'commitment.issued' } });
    expect(notes.map((n) => n.link)).toContain(`/commitments/${tjjId}/${YEAR}`);
  });

  test('signing is refused for a wrong password, another unit, the liaison and a stale hash, and changes nothing', async () => {
    const attempt = (username: string, overrides: Record<string, string> = {}) =>
      sessionUser(username).then((user) => signCommitment({ user, input: { versionId: v1, signedHash: v1Hash, password: PASSWORD, ...overrides }, meta: META }));
    const events = await auditCount();
    await expect(attempt('tjj_head', { password: 'wrong-password' })).rejects.toThrow('密码错误');
    await expect(attempt('fgj_head')).rejects.toThrow('未找到该记录，或您无权访问');
    await expect(attempt('tjj_staff')).rejects.toThrow('无权执行签署承诺书');
    await expect(attempt('admin')).rejects.toThrow('无权执行签署承诺书');
    await expect(attempt('leader')).rejects.toThrow('无权执行签署承诺书');
    await expect(attempt('tjj_head', { signedHash: 'a'.repeat(64) })).rejects.toThrow('承诺书内容与您核对的不一致');
    const stored = await version(v1);
    expect(stored.status).toBe('ISSUED');
    expect(stored.signatures).toEqual([]);
    expect(await auditCount()).toBe(events);
  });

  test('the unit head signs with their password; the signature records who, when, where and what', async () => {
    const head = await sessionUser('tjj_head');
    const signature = await signCommitment({ user: head, input: { versionId: v1, signedHash: v1Hash, password: PASSWORD }, meta: META });
    expect(signature).toMatchObject({ signerId: head.id, signerRole: 'UNIT_HEAD', signerName: head.name, signedHash: v1Hash, ...META });
    expect(signature.signatureHash).toBe(
      signatureHash({ signedHash: v1Hash, signerId: head.id, signerRole: 'UNIT_HEAD', signedAt: signature.signedAt.toISOString() }),
    );
    expect((await version(v1)).status).toBe('SIGNED');
    await expect(signCommitment({ user: head, input: { versionId: v1, signedHash: v1Hash, password: PASSWORD }, meta: META })).rejects.toThrow(
      '该版本单位负责人已签署',
    );
    const leader = await sessionUser('leader');
    expect(await testDb.notification.count({ where: { userId: leader.id, kind: 'commitment.signed' } })).toBeGreaterThan(0);
  });

  test('only the overseeing leader countersigns, with their password; the version is then locked', async () => {
    const attempt = (username: string, password = PASSWORD) =>
      sessionUser(username).then((user) => countersignCommitment({ user, input: { versionId: v1, signedHash: v1Hash, password }, meta: META }));
    await expect(attempt('leader2')).rejects.toThrow('未找到该记录，或您无权访问');
    await expect(attempt('tjj_head')).rejects.toThrow('无权执行会签承诺书');
    await expect(attempt('leader', 'wrong-password')).rejects.toThrow('密码错误');
    expect((await version(v1)).status).toBe('SIGNED');
    const signature = await attempt('leader');
    expect(signature.signerRole).toBe('LEADER');
    const locked = await version(v1);
    expect(locked.status).toBe('LOCKED');
    expect(locked.lockedAt).toBeInstanceOf(Date);
    expect(locked.signatures.map((s) => s.signerRole).sort()).toEqual(['LEADER', 'UNIT_HEAD']);
  });

  test('a locked version cannot be changed by any write', async () => {
    const before = await version(v1);
    const head = await sessionUser('tjj_head');
    const leader = await sessionUser('leader');
    const sign = { versionId: v1, signedHash: v1Hash, password: PASSWORD };
    await expect(updateCommitmentPreamble({ user: admin, input: { versionId: v1, preamble: '任何修改都应被拒绝的承诺书正文' } })).rejects.toThrow(
      '该版本已下发，内容已冻结，不能修改',
    );
    await expect(issueCommitmentVersion({ user: admin, input: { versionId: v1 } })).rejects.toThrow('该版本已下发，内容已冻结，不能修改');
    await expect(generateCommitmentDraft({ user: admin, input: { unitId: tjjId, year: YEAR } })).rejects.toThrow('该承诺书已下发，不能重新生成');
    await expect(signCommitment({ user: head, input: sign, meta: META })).rejects.toThrow('该版本已签署锁定，不能再次签署');
    await expect(countersignCommitment({ user: leader, input: sign, meta: META })).rejects.toThrow('该版本已签署锁定，不能再次签署');
    await expect(amendCommitment({ user: admin, input: { unitId: tjjId, year: YEAR } })).rejects.toThrow('承诺书与当前任务一致，无需修订');
    const after = await version(v1);
    expect(after).toEqual(before);
  });

  test('the letter is readable by its unit and its leader, and by nobody else', async () => {
    for (const username of ['admin', 'leader', 'tjj_head', 'tjj_staff']) {
      const detail = await getCommitment({ user: await sessionUser(username), unitId: tjjId, year: YEAR });
      expect(detail.commitment!.versions.map((v) => [v.version, v.status, v.intact])).toEqual([[1, 'LOCKED', true]]);
    }
    for (const username of ['fgj_head', 'czj_staff', 'leader2', 'leader4']) {
      const user = await sessionUser(username);
      await expect(getCommitment({ user, unitId: tjjId, year: YEAR })).rejects.toThrow('未找到该记录');
      await expect(getCommitmentVersion({ user, versionId: v1 })).rejects.toThrow('未找到该记录');
      await expect(checkCommitmentCurrency({ user, unitId: tjjId, year: YEAR })).rejects.toThrow('未找到该记录');
    }
    // IP and browser of a signature are for the office only.
    const unitView = await getCommitment({ user: await sessionUser('tjj_head'), unitId: tjjId, year: YEAR });
    expect(unitView.commitment!.versions[0]!.signatures.map((s) => s.ip)).toEqual([null, null]);
    const officeView = await getCommitment({ user: admin, unitId: tjjId, year: YEAR });
    expect(officeView.commitment!.versions[0]!.signatures.map((s) => s.ip)).toEqual([META.ip, META.ip]);
  });

  test('the office sees the unit as signed in the tracking table; a leader sees only overseen units', async () => {
    const office = await listCommitmentStatus({ user: admin, year: YEAR });
    const row = office.rows.find((r) => r.unit.id === tjjId)!;
    expect(row).toMatchObject({ state: 'locked', leadTaskCount: 1, coTaskCount: 1, latest: { version: 1, status: 'LOCKED' } });
    expect(office.rows.find((r) => r.unit.code === 'jyj')!.state).toBe('none');
    expect((await listCommitmentStatus({ user: admin, year: YEAR, state: 'locked' })).rows.map((r) => r.unit.id)).toContain(tjjId);
    const leader4 = await listCommitmentStatus({ user: await sessionUser('leader4'), year: YEAR });
    expect(leader4.rows.map((r) => r.unit.code)).not.toContain('tjj');
    const own = await listCommitmentStatus({ user: await sessionUser('tjj_staff'), year: YEAR });
    expect(own.rows.map((r) => r.unit.code)).toEqual(['tjj']);
  });

  test('the tracking table offers every year with a task or a letter, newest first, and opens on the newest', async () => {
    const [taskYears, letterYears] = await Promise.all([testDb.task.groupBy({ by: ['year'] }), testDb.commitment.groupBy({ by: ['year'] })]);
    expect(taskYears.length).toBeGreaterThan(1); // the seed's year and YEAR: the index walk steps from one year to the next
    const expected = [...new Set([...taskYears, ...letterYears].map((r) => r.year))].sort((a, b) => b - a);
    const { year, years } = await listCommitmentStatus({ user: admin });
    expect(years).toEqual(expected);
    expect(year).toBe(expected[0]);
  });

  let v2: string;

  test('a changed deadline, a changed target and a new task make the locked letter out of date, with a diff', async () => {
    const task = await testDb.task.findUniqueOrThrow({ where: { id: leadTaskId }, include: { targets: true } });
    await editTask({ user: admin, input: { taskId: leadTaskId, version: task.version, deadline: `${YEAR}-09-30`, reason: '调整时限' } });
    await testDb.target.update({ where: { id: task.targets[0]!.id }, data: { value: 0.5 } });
    await createTask({
      user: admin,
      input: { title: '统计执法检查全覆盖', year: YEAR, leadUnitId: tjjId, startDate: `${YEAR}-01-01`, deadline: `${YEAR}-12-31` },
    });
    const currency = await checkCommitmentCurrency({ user: await sessionUser('tjj_head'), unitId: tjjId, year: YEAR });
    expect(currency.reference).toMatchObject({ id: v1, status: 'LOCKED', outOfDate: true });
    expect(currency.reference!.changes.map(describeCommitmentChange)).toEqual([
      `任务“统计数据质量提升行动”完成时限由“${YEAR}-06-30”改为“${YEAR}-09-30”；目标指标由“统计数据差错率控制在1%以内（不超过1%）”改为“统计数据差错率控制在1%以内（不超过0.5%）”`,
      '新增牵头任务：统计执法检查全覆盖',
    ]);
    const office = await listCommitmentStatus({ user: admin, year: YEAR, state: 'outdated' });
    expect(office.rows.map((r) => r.unit.id)).toEqual([tjjId]);
    // The home pages' reminder: the unit's own letter and its 分管 leader's; a unit with no issued letter gets nothing.
    const reminder = await listOutdatedLetters({ user: await sessionUser('tjj_head'), year: YEAR });
    expect(reminder).toMatchObject({ year: YEAR, rows: [{ unit: { id: tjjId }, state: 'outdated' }] });
    expect((await listOutdatedLetters({ user: await sessionUser('leader'), year: YEAR })).rows.map((r) => r.unit.id)).toEqual([tjjId]);
    expect(await listOutdatedLetters({ user: await sessionUser('fgj_head'), year: YEAR })).toEqual({ year: YEAR, rows: [] });
  });

  test('the office amends: a new draft is issued and signed again, and the old version stays readable', async () => {
    await expect(amendCommitment({ user: await sessionUser('tjj_head'), input: { unitId: tjjId, year: YEAR } })).rejects.toThrow('无权执行');
    const draft = await amendCommitment({ user: admin, input: { unitId: tjjId, year: YEAR } });
    v2 = draft.id;
    expect(draft).toMatchObject({ version: 2, status: 'DRAFT', preamble: (await version(v1)).preamble });
    await expect(amendCommitment({ user: admin, input: { unitId: tjjId, year: YEAR } })).rejects.toThrow('已有未下发的草稿');
    // Until the new version is fully signed, the old one is still in force.
    expect((await version(v1)).status).toBe('LOCKED');

    const issued = await issueCommitmentVersion({ user: admin, input: { versionId: v2 } });
    const sign = { versionId: v2, signedHash: issued.contentHash, password: PASSWORD };
    await signCommitment({ user: await sessionUser('tjj_head'), input: sign, meta: META });
    await countersignCommitment({ user: await sessionUser('leader'), input: sign, meta: META });
    expect((await version(v2)).status).toBe('LOCKED');
    expect((await version(v1)).status).toBe('SUPERSEDED');

    const detail = await getCommitment({ user: await sessionUser('tjj_staff'), unitId: tjjId, year: YEAR });
    const [newer, older] = detail.commitment!.versions;
    expect([newer!.version, newer!.status, older!.version, older!.status]).toEqual([2, 'LOCKED', 1, 'SUPERSEDED']);
    expect(older!.content!.leadTasks[0]!.deadline).toBe(`${YEAR}-06-30`);
    expect(newer!.content!.leadTasks[0]!.deadline).toBe(`${YEAR}-09-30`);
    expect(older!.signatures).toHaveLength(2);
    expect(older!.intact).toBe(true);
    const currency = await checkCommitmentCurrency({ user: admin, unitId: tjjId, year: YEAR });
    expect(currency.reference).toMatchObject({ id: v2, outOfDate: false, changes: [] });
  });

  test('an out-of-date letter still being signed is superseded at once by the amendment', async () => {
    const fgjId = await unitId('fgj');
    const draft = await generateCommitmentDraft({ user: admin, input: { unitId: fgjId, year: YEAR } });
    await issueCommitmentVersion({ user: admin, input: { versionId: draft.id } });
    const task = await testDb.task.findUniqueOrThrow({ where: { id: coTaskId } });
    await editTask({ user: admin, input: { taskId: coTaskId, version: task.version, title: '全年固定资产投资增长9%', reason: '修正任务名称' } });
    expect((await listCommitmentStatus({ user: admin, year: YEAR })).rows.find((r) => r.unit.id === fgjId)!.state).toBe('outdated');
    const amended = await amendCommitment({ user: admin, input: { unitId: fgjId, year: YEAR } });
    expect(amended.version).toBe(2);
    expect((await version(draft.id)).status).toBe('SUPERSEDED');
    await expect(
      signCommitment({ user: await sessionUser('fgj_head'), input: { versionId: draft.id, signedHash: draft.contentHash, password: PASSWORD }, meta: META }),
    ).rejects.toThrow('该版本已被新版本替代，不能签署');
    // tjj supports that task too: its signed letter is now out of date as well.
    expect((await checkCommitmentCurrency({ user: admin, unitId: tjjId, year: YEAR })).reference!.outOfDate).toBe(true);
  });

  test('anyone signed in finds a letter by its full hash or its printed code, drafts excepted', async () => {
    const v2Row = await version(v2);
    const someone = await sessionUser('jyj_staff');
    const byHash = await findByHash({ user: someone, query: `  ${v2Row.contentHash.toUpperCase()} ` });
    expect(byHash.matches.map((m) => [m.unit.name, m.year, m.version, m.status, m.intact, m.canOpen])).toEqual([
      ['县统计局', YEAR, 2, 'LOCKED', true, false],
    ]);
    expect(byHash.matches[0]!.signatures.map((s) => s.signerRole)).toEqual(['UNIT_HEAD', 'LEADER']);
    const byCode = await findByHash({ user: await sessionUser('tjj_head'), query: verificationCode(v1Hash) });
    expect(byCode.matches.map((m) => [m.version, m.status, m.canOpen])).toEqual([[1, 'SUPERSEDED', true]]);
    const bySignature = await findByHash({ user: someone, query: v2Row.signatures[0]!.signatureHash });
    expect(bySignature.matches.map((m) => m.versionId)).toEqual([v2]);
    await expect(findByHash({ user: someone, query: 'LS-12' })).rejects.toThrow('请输入64位SHA-256哈希值或核验码');
    const fgjDraft = await testDb.commitmentVersion.findFirstOrThrow({ where: { status: 'DRAFT', commitment: { year: YEAR } } });
    expect((await findByHash({ user: admin, query: fgjDraft.contentHash })).matches).toEqual([]);
  });
});

describe('verifyIntegrity detects rows changed behind the application’s back', () => {
  async function lockedVersion() {
    return testDb.commitmentVersion.findFirstOrThrow({
      where: { status: 'LOCKED', commitment: { year: YEAR, unitId: tjjId } },
      include: { signatures: true, commitment: { include: { unit: true } } },
    });
  }

  test('a clean database reports nothing', async () => {
    const report = await verifyIntegrity(testDb, { batchSize: 7 });
    expect(report.problems).toEqual([]);
    expect(report.checked.versions).toBeGreaterThanOrEqual(4);
    expect(report.checked.signatures).toBeGreaterThanOrEqual(4);
    expect(report.checked.auditEvents).toBe(await auditCount());
  });

  test('an edit of the letter content', async () => {
    const v = await lockedVersion();
    await testDb.$executeRawUnsafe(
      `UPDATE "CommitmentVersion" SET content = jsonb_set(content, '{leadTasks,0,deadline}', '"${YEAR}-12-31"') WHERE id = $1`,
      v.id,
    );
    try {
      const label = `commitment version ${v.id} (县统计局, ${YEAR}, v2)`;
      expect((await verifyIntegrity(testDb)).problems).toEqual([`${label}: content differs from its canonical text`]);
    } finally {
      await testDb.$executeRawUnsafe(`UPDATE "CommitmentVersion" SET content = $1::jsonb WHERE id = $2`, JSON.stringify(v.content), v.id);
    }
    expect((await verifyIntegrity(testDb)).problems).toEqual([]);
  });

  test('an edit of the canonical text, and a consistent rewrite of content, text and hash', async () => {
    const v = await lockedVersion();
    const label = `commitment version ${v.id} (县统计局, ${YEAR}, v2)`;
    const edited = v.canonical.replace(`${YEAR}-09-30`, `${YEAR}-12-31`);
    expect(edited).not.toBe(v.canonical);
    try {
      await testDb.$executeRawUnsafe(`UPDATE "CommitmentVersion" SET canonical = $1 WHERE id = $2`, edited, v.id);
      expect((await verifyIntegrity(testDb)).problems).toEqual([
        `${label}: content hash mismatch`,
        `${label}: content differs from its canonical text`,
      ]);
      // Rewriting all three consistently still differs from the hash the signatures and the audit chain hold.
      const content = JSON.parse(JSON.stringify(v.content).replace(`${YEAR}-09-30`, `${YEAR}-12-31`));
      await testDb.$executeRawUnsafe(
        `UPDATE "CommitmentVersion" SET content = $1::jsonb, canonical = $2, "contentHash" = $3 WHERE id = $4`,
        JSON.stringify(content),
        edited,
        hashCanonical(content),
        v.id,
      );
      const problems = (await verifyIntegrity(testDb)).problems;
      // The county's SM2 seal cannot be recomputed from the database.
      expect([...problems].sort()).toEqual(
        [
          `${label}: seal county key signature invalid`,
          `${label}: content hash differs from the audit record`,
          ...v.signatures.map((s) => `signature ${s.id} (县统计局, ${YEAR}, v2, ${s.signerRole}): signed hash differs from the version's content hash`),
        ].sort(),
      );
    } finally {
      await testDb.$executeRawUnsafe(
        `UPDATE "CommitmentVersion" SET content = $1::jsonb, canonical = $2, "contentHash" = $3 WHERE id = $4`,
        JSON.stringify(v.content),
        v.canonical,
        v.contentHash,
        v.id,
      );
    }
    expect((await verifyIntegrity(testDb)).problems).toEqual([]);
  });

  test('an edit of a signature: its time, or its name outside the hash', async () => {
    const v = await lockedVersion();
    const signature = v.signatures.find((s) => s.signerRole === 'UNIT_HEAD')!;
    const label = `signature ${signature.id} (县统计局, ${YEAR}, v2, UNIT_HEAD)`;
    try {
      await testDb.$executeRawUnsafe(`UPDATE "Signature" SET "signedAt" = "signedAt" - interval '1 day' WHERE id = $1`, signature.id);
      expect((await verifyIntegrity(testDb)).problems).toEqual([
        `${label}: signature hash mismatch`,
        `${label}: county key signature invalid`,
        `${label}: differs from the audit record (signedAt)`,
      ]);
      await testDb.signature.update({ where: { id: signature.id }, data: { signedAt: signature.signedAt, signerName: '冒名' } });
      expect((await verifyIntegrity(testDb)).problems).toEqual([
        `${label}: county key signature invalid`,
        `${label}: differs from the audit record (signerName)`,
      ]);
    } finally {
      await testDb.signature.update({ where: { id: signature.id }, data: { signedAt: signature.signedAt, signerName: signature.signerName } });
    }
    expect((await verifyIntegrity(testDb)).problems).toEqual([]);
  });

  test('an edit of an audit event’s after snapshot is reported by its seq', async () => {
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { entity: 'Task', entityId: leadTaskId, action: 'task.update' } });
    try {
      await testDb.$executeRawUnsafe(
        `UPDATE "AuditEvent" SET after = jsonb_set(after, '{deadline}', '"${YEAR}-06-30T00:00:00.000Z"') WHERE seq = $1`,
        event.seq,
      );
      expect((await verifyIntegrity(testDb, { batchSize: 3 })).problems).toEqual([`audit event seq ${event.seq}: hash mismatch`]);
    } finally {
      await testDb.$executeRawUnsafe(`UPDATE "AuditEvent" SET after = $1::jsonb WHERE seq = $2`, JSON.stringify(event.after), event.seq);
    }
    expect((await verifyIntegrity(testDb)).problems).toEqual([]);
  });
});
