import { beforeAll, describe, expect, test } from 'vitest';
import { createTask } from '@/lib/server/tasks/create-task';
import { editTask } from '@/lib/server/tasks/edit-task';
import { generateCommitmentDraft } from '@/lib/server/commitments/generate-commitment-draft';
import { issueCommitmentVersion } from '@/lib/server/commitments/issue-commitment-version';
import { signCommitment } from '@/lib/server/commitments/sign-commitment';
import { countersignCommitment } from '@/lib/server/commitments/countersign-commitment';
import { amendCommitment } from '@/lib/server/commitments/amend-commitment';
import { saveAssessmentScheme } from '@/lib/server/assessment/save-assessment-scheme';
import { getAssessmentScheme } from '@/lib/server/assessment/get-assessment-scheme';
import { runAssessment } from '@/lib/server/assessment/run-assessment';
import { adjustAssessment } from '@/lib/server/assessment/adjust-assessment';
import { approveAssessment } from '@/lib/server/assessment/approve-assessment';
import { publishAssessment } from '@/lib/server/assessment/publish-assessment';
import { getAssessment } from '@/lib/server/assessment/get-assessment';
import { getUnitRanking } from '@/lib/server/ranking/get-unit-ranking';
import { liveSchemeScores } from '@/lib/server/ranking/live-scheme-scores';
import { computeAssessmentResults } from '@/lib/server/assessment/compute-assessment-results';
import { verifyIntegrity } from '@/lib/server/verify/verify-integrity';
import { sha256Hex } from '@/lib/core/commitment/letter';
import { DEFAULT_SCHEME, NO_IMPORTANCE_WEIGHTING, type AssessmentScheme } from '@/lib/core/assessment/scheme';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { sessionUser, testDb, unitId } from '../support/db';

// A year no other test uses: the letters and tasks are exactly the ones made here.
const YEAR = 2036;
const AS_OF = `${YEAR}-12-31`;
const PASSWORD = 'luoshi2024';
const META = { ip: '10.0.0.9', userAgent: 'vitest' };
const day = (iso: string) => new Date(`${iso}T10:00:00+08:00`);

const SCHEME: AssessmentScheme = {
  name: '测试考核办法',
  rates: { onTimeRate: 0, onTrackShare: 0 },
  tasks: { taskPoints: 100, per: 'task', leadWeight: 1, coWeight: 0.5 },
  importance: NO_IMPORTANCE_WEIGHTING,
  achievement: { partialCredit: 0.5, approxTolerance: 0.05, exceedMargin: 0.1 },
  deductions: {
    overdue: { points: 3, cap: 6 },
    urge: { points: 1, cap: 2 },
    supervise: { points: 2, cap: 4 },
    returnedReport: { points: 1, cap: 1 },
    missedReport: { points: 0, cap: 0 },
  },
  bonuses: { closedEarly: { points: 2, cap: 2, days: 30 }, exceededTarget: { points: 1, cap: 5 } },
};

let admin: SessionUser;
let leader: SessionUser;
let fgj: string;
let czj: string;
let tjj: string;
const ids: Record<string, string> = {};

async function newTask(key: string, input: Record<string, unknown>) {
  const task = await createTask({
    user: admin,
    input: { title: `考核测试${key}`, year: YEAR, leaderIds: [leader.id], startDate: `${YEAR}-01-01`, cadence: 'MILESTONE', ...input },
  });
  ids[key] = task.id;
  return task;
}

async function signLetter(unit: string, head: string, draftId?: string, year = YEAR) {
  const draft = draftId
    ? await testDb.commitmentVersion.findUniqueOrThrow({ where: { id: draftId } })
    : await generateCommitmentDraft({ user: admin, input: { unitId: unit, year } });
  await issueCommitmentVersion({ user: admin, input: { versionId: draft.id } });
  const sign = { versionId: draft.id, signedHash: draft.contentHash, password: PASSWORD };
  await signCommitment({ user: await sessionUser(head), input: sign, meta: META });
  await countersignCommitment({ user: leader, input: sign, meta: META });
}

async function report(taskKey: string, unit: string, author: string, actuals: Record<string, number>, extra: Record<string, unknown> = {}) {
  const targets = await testDb.target.findMany({ where: { taskId: ids[taskKey] }, orderBy: { position: 'asc' } });
  await testDb.progressReport.create({
    data: {
      taskId: ids[taskKey]!,
      unitId: unit,
      authorId: (await sessionUser(author)).id,
      periodKey: 'milestone',
      narrative: '进展',
      percent: 50,
      targetActuals: Object.entries(actuals).map(([position, actual]) => ({ targetId: targets[Number(position)]!.id, actual })),
      createdAt: day(`${YEAR}-04-01`),
      ...extra,
    },
  });
}

async function close(taskKey: string, on: string) {
  await testDb.task.update({ where: { id: ids[taskKey] }, data: { status: 'CLOSED', closedAt: day(on) } });
}

async function supervise(taskKey: string, kind: 'URGE' | 'SUPERVISE', unit: string) {
  await testDb.supervisionAction.create({ data: { kind, taskId: ids[taskKey]!, authorId: admin.id, recipientUnitId: unit, text: '请加快进度', createdAt: day(`${YEAR}-08-01`) } });
}

beforeAll(async () => {
  admin = await sessionUser('admin');
  leader = await sessionUser('leader');
  [fgj, czj, tjj] = await Promise.all([unitId('fgj'), unitId('czj'), unitId('tjj')]);

  // Signed letters: 发改局 leads A1 and A2 and supports A3; 财政局 leads A3 and B1.
  await newTask('A1', { leadUnitId: fgj, deadline: `${YEAR}-06-30`, targets: [{ metric: '新开工项目100个以上', comparator: '>=', value: 100, valueMax: null, unit: '个' }] });
  await newTask('A2', { leadUnitId: fgj, deadline: `${YEAR}-09-30`, targets: [{ metric: '项目审批时限压缩至5日以内', comparator: '<=', value: 5, valueMax: null, unit: '日' }] });
  await newTask('A3', { leadUnitId: czj, coUnitIds: [fgj], deadline: `${YEAR}-12-31`, targets: [{ metric: '盘活资产10亿元以上', comparator: '>=', value: 10, valueMax: null, unit: '亿元' }] });
  await newTask('B1', { leadUnitId: czj, deadline: `${YEAR}-03-31`, targets: [] });
  await signLetter(fgj, 'fgj_head');
  await signLetter(czj, 'czj_head');

  // 财政局 takes on B2 and re-signs an amended letter (version 2); 发改局 gets A4 after signing and does not.
  await newTask('B2', { leadUnitId: czj, deadline: `${YEAR}-12-31`, targets: [{ metric: '债务率控制在50%至60%', comparator: 'range', value: 50, valueMax: 60, unit: '%' }] });
  const amended = await amendCommitment({ user: admin, input: { unitId: czj, year: YEAR } });
  await signLetter(czj, 'czj_head', amended.id);
  await newTask('A4', { leadUnitId: fgj, deadline: `${YEAR}-10-31`, targets: [] });
  // 统计局 has a task but never signed a letter.
  await newTask('C1', { leadUnitId: tjj, deadline: `${YEAR}-11-30`, targets: [] });

  // A year of activity.
  await report('A1', fgj, 'fgj_staff', { 0: 0 }, { reviewState: 'RETURNED', reviewedAt: day(`${YEAR}-04-02`), createdAt: day(`${YEAR}-03-01`) });
  await report('A1', fgj, 'fgj_staff', { 0: 120 });
  await close('A1', `${YEAR}-05-15`);
  await report('A2', fgj, 'fgj_staff', { 0: 8 });
  await supervise('A2', 'URGE', fgj);
  await supervise('A2', 'URGE', fgj);
  await supervise('A2', 'SUPERVISE', fgj);
  await report('A3', czj, 'czj_staff', { 0: 10 });
  await close('A3', `${YEAR}-12-20`);
  await close('B1', `${YEAR}-03-01`);
  await report('B2', czj, 'czj_staff', { 0: 70 });
});

describe('year-end assessment against the signed letters', () => {
  test('the year starts on the default scheme; only the office saves one, guarded by its version', async () => {
    expect(await getAssessmentScheme({ user: leader, year: YEAR })).toMatchObject({ version: 0, scheme: DEFAULT_SCHEME });
    await expect(saveAssessmentScheme({ user: leader, input: { year: YEAR, version: 0, scheme: SCHEME } })).rejects.toThrow('无权执行修改考核办法');
    await expect(saveAssessmentScheme({ user: admin, input: { year: YEAR, version: 0, scheme: { ...SCHEME, name: '' } } })).rejects.toThrow('请填写考核办法名称');
    const saved = await saveAssessmentScheme({ user: admin, input: { year: YEAR, version: 0, scheme: SCHEME } });
    expect(saved).toMatchObject({ version: 1, scheme: SCHEME });
    await expect(saveAssessmentScheme({ user: admin, input: { year: YEAR, version: 0, scheme: SCHEME } })).rejects.toThrow('已被他人修改');
    expect(await testDb.auditEvent.count({ where: { action: 'assessment.scheme.update', entityId: String(YEAR) } })).toBe(1);
  });

  test('scores equal the hand computation, from the letter in force, with later tasks apart and the unsigned unit flagged', async () => {
    await expect(runAssessment({ user: await sessionUser('fgj_head'), input: { year: YEAR, asOf: AS_OF } })).rejects.toThrow('无权执行');
    await runAssessment({ user: admin, input: { year: YEAR, asOf: AS_OF } });
    const result = (await getAssessment({ user: leader, year: YEAR }))!;
    const row = (unit: string) => result.rows.find((r) => r.unitId === unit)!;

    // 发改局: weights A1 1, A2 1, A3 (co) 0.5 of 2.5 → 40, 40, 20 points at stake.
    //   A1 ≥100, actual 120 (the returned report's 0 is ignored): 40 × 1 = 40
    //   A2 ≤5, actual 8: 5/8 × 0.5 = 0.3125 → 12.5
    //   A3 ≥10, actual 10: 20 × 1 = 20                                → 72.5
    //   − overdue A2 3 − urges 2 × 1 = 2 − 督办 2 − returned report 1 (cap 1)
    //   + A1 closed 46 days early 2 + A1 exceeded (120 ≥ 110) 1       → 67.5
    expect(row(fgj)).toMatchObject({ score: 67.5, taskCount: 3, overdue: 1, letter: { version: 1 } });
    expect(row(fgj).lines.map((line) => [line.rule, line.points])).toEqual([
      ['task', 40],
      ['task', 12.5],
      ['task', 20],
      ['overdue', -3],
      ['urge', -2],
      ['supervise', -2],
      ['returnedReport', -1],
      ['closedEarly', 2],
      ['exceededTarget', 1],
    ]);
    expect(row(fgj).apart).toEqual([{ taskId: ids.A4, title: '考核测试A4', reason: 'added' }]);

    // 财政局, letter version 2 (the amendment): B1, B2, A3 at 33.33 each.
    //   B1 no targets, closed: 33.33; B2 range 50–60, actual 70: 60/70 × 0.5 → 14.29; A3 met: 33.33
    //   + B1 closed 30 days early 2                                   → 82.95 → 83
    expect(row(czj)).toMatchObject({ score: 83, taskCount: 3, overdue: 0, letter: { version: 2 }, apart: [] });

    expect(row(tjj)).toMatchObject({ letter: null, score: null, finalScore: null, rank: null, taskCount: 1 });
    expect(result.rows.slice(0, 2).map((r) => [r.unitName, r.rank])).toEqual([
      ['财政局', 1],
      ['发改局', 2],
    ]);
  });

  test('the office adjusts with a reason; a leader approves; the office publishes, locked and sealed', async () => {
    let current = (await getAssessment({ user: admin, year: YEAR }))!;
    const adjust = { year: YEAR, version: current.version, unitId: fgj, points: 3, reason: '承担全县重大项目攻坚' };
    await expect(adjustAssessment({ user: leader, input: adjust })).rejects.toThrow('无权执行');
    await expect(adjustAssessment({ user: admin, input: { ...adjust, reason: '' } })).rejects.toThrow('请填写调整理由');
    await expect(adjustAssessment({ user: admin, input: { ...adjust, unitId: tjj } })).rejects.toThrow('没有已签署的承诺书');
    await adjustAssessment({ user: admin, input: adjust });
    current = (await getAssessment({ user: admin, year: YEAR }))!;
    expect(current.rows.find((r) => r.unitId === fgj)).toMatchObject({ score: 67.5, finalScore: 70.5, adjustment: { points: 3, reason: '承担全县重大项目攻坚' } });
    expect(await testDb.auditEvent.count({ where: { action: 'assessment.adjust', entityId: current.id } })).toBe(1);

    await expect(publishAssessment({ user: admin, input: { year: YEAR, version: current.version } })).rejects.toThrow('须经县领导审定');
    await expect(approveAssessment({ user: admin, input: { year: YEAR, version: current.version } })).rejects.toThrow('无权执行');
    await expect(approveAssessment({ user: leader, input: { year: YEAR, version: current.version - 1 } })).rejects.toThrow('已被他人修改');
    await approveAssessment({ user: leader, input: { year: YEAR, version: current.version } });
    current = (await getAssessment({ user: admin, year: YEAR }))!;
    expect(current).toMatchObject({ status: 'APPROVED', approvedByName: leader.name });
    await expect(publishAssessment({ user: leader, input: { year: YEAR, version: current.version } })).rejects.toThrow('无权执行');
    await publishAssessment({ user: admin, input: { year: YEAR, version: current.version } });

    const published = (await getAssessment({ user: admin, year: YEAR }))!;
    expect(published).toMatchObject({ status: 'PUBLISHED', intact: true, problems: [] });
    expect(published.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(published.sealKeyId).toBeTruthy();
    await expect(adjustAssessment({ user: admin, input: { ...adjust, version: published.version } })).rejects.toThrow('已公布并锁定');
    await expect(runAssessment({ user: admin, input: { year: YEAR, asOf: AS_OF } })).rejects.toThrow('已公布并锁定');
  });

  test('a later change of a task does not change the published result; a rewrite of the stored result shows', async () => {
    const before = (await getAssessment({ user: admin, year: YEAR }))!;
    const a2 = await testDb.task.findUniqueOrThrow({ where: { id: ids.A2 } });
    await editTask({ user: admin, input: { taskId: ids.A2, version: a2.version, title: '考核测试A2（改）', reason: '调整' } });
    await close('A2', `${YEAR}-09-01`);
    const after = (await getAssessment({ user: admin, year: YEAR }))!;
    expect(after.rows).toEqual(before.rows);
    expect(after.intact).toBe(true);

    const row = await testDb.assessment.findUniqueOrThrow({ where: { year: YEAR } });
    const results = row.results as { unitId: string; score: number }[];
    try {
      await testDb.assessment.update({ where: { year: YEAR }, data: { results: results.map((r) => (r.unitId === fgj ? { ...r, score: 99 } : r)) } });
      const tampered = (await getAssessment({ user: admin, year: YEAR }))!;
      expect(tampered.intact).toBe(false);
      expect(tampered.problems).toContain('考核结果与公布时的内容不一致');
    } finally {
      await testDb.assessment.update({ where: { year: YEAR }, data: { results: row.results! } });
    }
  });

  describe('npm run verify checks the published result (attacks as the database owner, each undone)', () => {
    const verifyProblems = async () => {
      const report = await verifyIntegrity(testDb);
      return { assessments: report.checked.assessments, problems: report.problems.filter((p) => p.startsWith('assessment ')) };
    };
    const attack = async (sql: string, check: (where: string, problems: string[]) => void) => {
      const row = await testDb.assessment.findUniqueOrThrow({ where: { year: YEAR } });
      try {
        await testDb.$executeRawUnsafe(sql, row.id);
        check(`assessment ${row.id} (${YEAR})`, (await verifyProblems()).problems);
      } finally {
        await testDb.assessment.update({ where: { id: row.id }, data: { ...row, scheme: row.scheme!, results: row.results!, adjustments: row.adjustments! } });
      }
    };

    test('an untouched published result verifies clean', async () => {
      const clean = await verifyProblems();
      expect(clean.assessments).toBeGreaterThanOrEqual(1);
      expect(clean.problems).toEqual([]);
    });

    test('a score changed in the database', async () => {
      await attack(
        `UPDATE "Assessment" SET results = jsonb_set(results, '{0,score}', '99') WHERE id = $1`,
        (where, problems) => expect(problems).toEqual([`${where}: stored result differs from its published canonical text`]),
      );
    });

    test('a consistent rewrite (content, canonical text and hash) breaks the seal and the audit record', async () => {
      const row = await testDb.assessment.findUniqueOrThrow({ where: { year: YEAR } });
      const fgjIndex = (row.results as { unitId: string }[]).findIndex((r) => r.unitId === fgj);
      const results = (row.results as { unitId: string; score: number }[]).map((r, i) => (i === fgjIndex ? { ...r, score: 99 } : r));
      const canonical = row.canonical!.replace('"score":67.5', '"score":99');
      expect(canonical).not.toBe(row.canonical);
      try {
        await testDb.assessment.update({ where: { id: row.id }, data: { results, canonical, contentHash: sha256Hex(canonical) } });
        const { problems } = await verifyProblems();
        expect(problems).toContain(`assessment ${row.id} (${YEAR}): seal county key signature invalid`);
        expect(problems).toContain(`assessment ${row.id} (${YEAR}): content hash differs from the audit record`);
      } finally {
        await testDb.assessment.update({ where: { id: row.id }, data: { results: row.results!, canonical: row.canonical, contentHash: row.contentHash } });
      }
    });

    test('a stripped signature', async () => {
      await attack(`UPDATE "Assessment" SET "sealSignature" = NULL, "sealKeyId" = NULL WHERE id = $1`, (where, problems) =>
        expect(problems).toEqual([`${where}: seal not signed with the county key`]),
      );
    });

    test('a result set back to draft to be rewritten', async () => {
      await attack(`UPDATE "Assessment" SET status = 'DRAFT' WHERE id = $1`, (where, problems) =>
        expect(problems).toEqual([expect.stringMatching(new RegExp(`^${where.replace(/[()]/g, '\\$&')}: published \\(audit event seq \\d+\\) but now DRAFT$`))]),
      );
      expect((await verifyProblems()).problems).toEqual([]);
    });
  });

  test('the ranking scores by the year\'s scheme; a leader may rank only the units they oversee', async () => {
    const county = await getUnitRanking({ user: leader, year: YEAR, scope: 'county' });
    expect(county.scheme.name).toBe(SCHEME.name);
    expect(county.units.map((unit) => unit.unitName).sort()).toEqual(['发改局', '统计局', '财政局'].sort());
    const leader4 = await sessionUser('leader4'); // oversees none of these units
    expect((await getUnitRanking({ user: leader4, year: YEAR, scope: 'own' })).units).toEqual([]);
    expect((await getUnitRanking({ user: leader4, year: YEAR, scope: 'county' })).units).toHaveLength(3);
    // Under the default scheme the ranking is the long-standing formula.
    const defaultYear = await getUnitRanking({ user: admin, year: YEAR + 1 });
    expect(defaultYear.scheme).toEqual(DEFAULT_SCHEME);
  });

  test('units see no results', async () => {
    await expect(getAssessment({ user: await sessionUser('fgj_head'), year: YEAR })).rejects.toThrow('无权执行');
  });
});

describe('按任务重要程度加权: the importance signed in the letter weighs the task points', () => {
  const Y = YEAR + 2;
  const weights = { NORMAL: 1, IMPORTANT: 1.5, KEY: 2 };
  const unweighted: AssessmentScheme = {
    ...SCHEME,
    name: '重要程度测试',
    achievement: { ...SCHEME.achievement, partialCredit: 0 },
    deductions: Object.fromEntries(Object.keys(SCHEME.deductions).map((kind) => [kind, { points: 0, cap: 0 }])) as AssessmentScheme['deductions'],
    bonuses: { closedEarly: { points: 0, cap: 0, days: 30 }, exceededTarget: { points: 0, cap: 0 } },
    importance: { enabled: false, weights },
  };
  const weighted: AssessmentScheme = { ...unweighted, importance: { enabled: true, weights } };
  const fgjScore = async () => (await getAssessment({ user: admin, year: Y }))!.rows.find((r) => r.unitId === fgj)!;

  beforeAll(async () => {
    // 发改局 leads P (重点, closed), Q (一般, open, nothing reported) and R (重要, closed), and signs.
    await newTask('P', { year: Y, leadUnitId: fgj, deadline: `${Y}-12-31`, importance: 'KEY' });
    await newTask('Q', { year: Y, leadUnitId: fgj, deadline: `${Y}-12-31` });
    await newTask('R', { year: Y, leadUnitId: fgj, deadline: `${Y}-12-31`, importance: 'IMPORTANT' });
    await close('P', `${Y}-11-01`);
    await close('R', `${Y}-11-01`);
    await signLetter(fgj, 'fgj_head', undefined, Y);
  });

  test('importance is set at creation, signed into the letter, and its change after signing is audited', async () => {
    const letter = await testDb.commitmentVersion.findFirstOrThrow({ where: { commitment: { unitId: fgj, year: Y } }, orderBy: { version: 'desc' } });
    const signed = (letter.content as { leadTasks: { taskId: string; importance?: string }[] }).leadTasks;
    expect(Object.fromEntries(signed.map((t) => [t.taskId, t.importance ?? null]))).toEqual({ [ids.P!]: 'KEY', [ids.Q!]: null, [ids.R!]: 'IMPORTANT' });
    const created = await testDb.auditEvent.findFirstOrThrow({ where: { action: 'task.create', entityId: ids.P } });
    expect(created.after).toMatchObject({ importance: 'KEY' });

    // After signing, the office makes Q 重点: audited before/after, the unit is told; the letter still says 一般.
    const q = await testDb.task.findUniqueOrThrow({ where: { id: ids.Q } });
    await expect(editTask({ user: admin, input: { taskId: ids.Q, version: q.version, importance: 'TOP', reason: '调整' } })).rejects.toThrow('重要程度无效');
    await expect(editTask({ user: await sessionUser('fgj_head'), input: { taskId: ids.Q, version: q.version, importance: 'KEY', reason: '调整' } })).rejects.toThrow('无权');
    await editTask({ user: admin, input: { taskId: ids.Q, version: q.version, importance: 'KEY', reason: '列为重点任务' } });
    expect((await testDb.task.findUniqueOrThrow({ where: { id: ids.Q } })).importance).toBe('KEY');
    const edit = await testDb.auditEvent.findFirstOrThrow({ where: { action: 'task.update', entityId: ids.Q }, orderBy: { seq: 'desc' } });
    expect(edit.before).toEqual({ importance: 'NORMAL', version: q.version });
    expect(edit.after).toEqual({ importance: 'KEY', version: q.version + 1, reason: '列为重点任务' });
    const notice = await testDb.notification.findFirst({ where: { kind: 'task.changed', link: `/tasks/${ids.Q}` }, orderBy: { createdAt: 'desc' } });
    expect(notice?.body).toContain('调整内容：重要程度');
  });

  test('off, every task weighs the same; on, the weights of the signed importance (hand computed)', async () => {
    await saveAssessmentScheme({ user: admin, input: { year: Y, version: 0, scheme: unweighted } });
    await runAssessment({ user: admin, input: { year: Y, asOf: `${Y}-12-31` } });
    // 100 / 3 each: P 33.33 × 1 + Q 33.33 × 0 + R 33.33 × 1 = 66.67 → 66.7
    expect(await fgjScore()).toMatchObject({ score: 66.7, taskCount: 3 });

    await saveAssessmentScheme({ user: admin, input: { year: Y, version: 1, scheme: weighted } });
    expect((await getAssessmentScheme({ user: admin, year: Y })).scheme.importance).toEqual({ enabled: true, weights });
    await runAssessment({ user: admin, input: { year: Y, asOf: `${Y}-12-31` } });
    // As signed, P 重点 2, Q 一般 1, R 重要 1.5 of 4.5: P 44.44 + Q 0 + R 33.33 = 77.78 → 77.8
    // (Q's 重点 of today would give 2 + 2 + 1.5 = 5.5: 36.36 + 27.27 = 63.6).
    const row = await fgjScore();
    expect(row.score).toBe(77.8);
    expect(row.lines.map((line) => [line.taskId, line.points])).toEqual([
      [ids.P, 44.44],
      [ids.Q, 0],
      [ids.R, 33.33],
    ]);
    expect(row.lines[0]!.evidence).toContain('重点任务（权重2）');
  });

  test('the live ranking (the tasks as they are now) weighs today’s importance', async () => {
    const ranking = await getUnitRanking({ user: admin, year: Y, today: new Date(`${Y}-12-31T12:00:00+08:00`) });
    expect(ranking.units.find((unit) => unit.unitId === fgj)!.score).toBe(63.6);
  });

  test('the live ranking (stored columns, grouped counts) agrees with the task histories on today’s facts', async () => {
    await supervise('P', 'URGE', fgj);
    await supervise('Q', 'SUPERVISE', fgj);
    await report('Q', fgj, 'fgj_staff', {}, { reviewState: 'RETURNED', reviewedAt: day(`${Y}-06-02`), createdAt: day(`${Y}-06-01`) });
    const strict: AssessmentScheme = {
      ...weighted,
      deductions: { ...weighted.deductions, urge: { points: 1, cap: 5 }, supervise: { points: 2, cap: 5 }, returnedReport: { points: 1, cap: 5 } },
      bonuses: { closedEarly: { points: 1, cap: 5, days: 30 }, exceededTarget: { points: 1, cap: 5 } },
    };
    const asOf = `${Y}-12-31`;
    const live = await liveSchemeScores(testDb, { year: Y, asOf, scheme: strict, unitIds: [fgj, czj] });
    const history = await computeAssessmentResults(testDb, { year: Y, asOf, scheme: strict, basis: 'current' });
    // 63.64 − 催办 1 − 督办 2 − returned 1 + P and R closed 60 days early 2 = 61.64 → 61.6
    expect(live.get(fgj)).toBe(61.6);
    expect(history.find((result) => result.unitId === fgj)!.score).toBe(61.6);
    expect(live.get(czj)).toBe(0); // no task this year: scored on nothing, like the figures
    expect((await liveSchemeScores(testDb, { year: Y, asOf, scheme: strict, unitIds: [czj] })).has(fgj)).toBe(false);
  });
});
