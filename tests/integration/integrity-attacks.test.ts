// Attacks by someone with write access to the database (a DBA, a leaked backup, an injection
// elsewhere) on a signed letter and its history. Each attack is committed, checked by the verify
// function (what `npm run verify` runs) and by the 核验 page's data layer, then undone.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuditEvent, Signature } from '@/lib/generated/prisma/client';
import { createTask } from '@/lib/server/tasks/create-task';
import { editTask } from '@/lib/server/tasks/edit-task';
import { generateCommitmentDraft } from '@/lib/server/commitments/generate-commitment-draft';
import { issueCommitmentVersion } from '@/lib/server/commitments/issue-commitment-version';
import { signCommitment } from '@/lib/server/commitments/sign-commitment';
import { countersignCommitment } from '@/lib/server/commitments/countersign-commitment';
import { findByHash } from '@/lib/server/commitments/find-by-hash';
import { getCommitmentVersion } from '@/lib/server/commitments/get-commitment-version';
import { signLetterPdf } from '@/lib/server/commitments/sign-letter-pdf';
import { verifyLetterPdf } from '@/lib/server/commitments/verify-letter-pdf';
import { verifyIntegrity } from '@/lib/server/verify/verify-integrity';
import { resetSignInThrottle, SIGN_IN_THROTTLE } from '@/lib/server/auth/sign-in-throttle';
import { writeAuditCheckpoint } from '@/lib/server/verify/write-audit-checkpoint';
import { runScheduledJobs } from '@/lib/server/jobs/run-scheduled-jobs';
import { getIntegrityStatus } from '@/lib/server/verify/get-integrity-status';
import { chainAuditEvent } from '@/lib/core/audit/chain';
import { canonicalize, hashCanonical } from '@/lib/core/commitment/canonical';
import { sha256Hex } from '@/lib/core/commitment/letter';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '@/lib/platform/chromium';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { sessionUser, testDb, unitId } from '../support/db';
import { tsxCommand } from '../support/tsx';

const YEAR = 2033;
const PASSWORD = 'luoshi2024';
const META = { ip: '10.9.8.7', userAgent: 'attack-suite' };

let admin: SessionUser;
let versionId: string;
let contentHash: string;
let taskId: string;
let genuinePdf: Buffer;
let unsignedPdf: Buffer;

type Letter = NonNullable<Awaited<ReturnType<typeof letter>>>;
async function letter() {
  return testDb.commitmentVersion.findUniqueOrThrow({ where: { id: versionId }, include: { signatures: true, commitment: { include: { unit: true } } } });
}

const label = (l: Letter) => `commitment version ${l.id} (${l.commitment.unit.name}, ${YEAR}, v${l.version})`;

/** What the 核验 page's data layer says about a hash: the verdict of its letter (or none) and the chain's problems. */
async function pageSays(hash: string) {
  const result = await findByHash({ user: admin, query: hash });
  return { verdicts: result.matches.map((m) => m.verdict.kind), problems: result.matches.flatMap((m) => m.problems), chain: result.chain.problems };
}

async function renderPdf(title: string, body: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(`<html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>目标责任承诺书</h1><p>${body}</p></body></html>`);
    return Buffer.from(await page.pdf({ format: 'A4' }));
  } finally {
    await browser.close();
  }
}

beforeAll(async () => {
  admin = await sessionUser('admin');
  const tjjId = await unitId('tjj');
  const task = await createTask({
    user: admin,
    input: {
      title: '新建统计监测站点12个',
      year: YEAR,
      leadUnitId: tjjId,
      leaderIds: [(await sessionUser('leader')).id],
      startDate: `${YEAR}-01-01`,
      deadline: `${YEAR}-10-31`,
      targets: [{ metric: '新建统计监测站点12个', comparator: '>=', value: 12, valueMax: null, unit: '个' }],
    },
  });
  taskId = task.id;
  const draft = await generateCommitmentDraft({ user: admin, input: { unitId: tjjId, year: YEAR } });
  versionId = draft.id;
  contentHash = draft.contentHash;
  await issueCommitmentVersion({ user: admin, input: { versionId } });
  await signCommitment({ user: await sessionUser('tjj_head'), input: { versionId, signedHash: contentHash, password: PASSWORD }, meta: META });
  await countersignCommitment({ user: await sessionUser('leader'), input: { versionId, signedHash: contentHash, password: PASSWORD }, meta: META });
  // The scheduled job (and npm run verify) anchors the history with a signed checkpoint.
  expect(await writeAuditCheckpoint(testDb)).not.toBeNull();

  const title = `目标责任承诺书 县统计局 ${YEAR}年度 第1版 SHA-256 ${contentHash}`;
  unsignedPdf = await renderPdf(title, '新建统计监测站点12个');
  genuinePdf = await signLetterPdf(unsignedPdf);
});

describe('an untouched database and a genuine PDF', () => {
  test('verify finds nothing; the page says 有效 for the letter', async () => {
    expect((await verifyIntegrity(testDb)).problems).toEqual([]);
    expect(await pageSays(contentHash)).toEqual({ verdicts: ['valid'], problems: [], chain: [] });
  });

  test('the downloaded PDF verifies by its bytes and signature, and with pdfsig', async () => {
    const result = await verifyLetterPdf({ user: admin, bytes: genuinePdf });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.match.verdict.kind).toBe('valid');
    expect(result.match.signatures.map((s) => [s.signerRole, s.signerName])).toEqual([
      ['UNIT_HEAD', expect.any(String)],
      ['LEADER', expect.any(String)],
    ]);
    const file = path.join(tmpdir(), `luoshi-genuine-${process.pid}.pdf`);
    writeFileSync(file, genuinePdf);
    const pdfsig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(pdfsig).toContain('Signature is Valid.');
    expect(pdfsig).toContain('Total document signed');
  });
});

describe('attacks on the database, each detected by verify and by the 核验 page', () => {
  test('edit the letter content (12个 → 2个)', async () => {
    const l = await letter();
    try {
      await testDb.$executeRawUnsafe(`UPDATE "CommitmentVersion" SET content = jsonb_set(content, '{leadTasks,0,targets,0,value}', '2') WHERE id = $1`, versionId);
      expect((await verifyIntegrity(testDb)).problems).toContain(`${label(l)}: content differs from its canonical text`);
      expect(await pageSays(contentHash)).toMatchObject({ verdicts: ['failed'], problems: ['内容与规范文本不符'] });
      // The letter cannot be downloaded as valid: the PDF route refuses a version that is not intact.
      expect((await getCommitmentVersion({ user: admin, versionId })).version.intact).toBe(false);
    } finally {
      await testDb.commitmentVersion.update({ where: { id: versionId }, data: { content: l.content! } });
    }
  });

  test('re-seal it with a recomputed SHA-256', async () => {
    const l = await letter();
    const content = JSON.parse(JSON.stringify(l.content).replaceAll('12', '2')) as object;
    const canonical = canonicalize(content);
    const forgedHash = sha256Hex(canonical);
    expect(forgedHash).toBe(hashCanonical(content));
    try {
      await testDb.commitmentVersion.update({ where: { id: versionId }, data: { content, canonical, contentHash: forgedHash } });
      const problems = (await verifyIntegrity(testDb)).problems;
      expect(problems).toContain(`${label(l)}: seal county key signature invalid`);
      expect(problems).toContain(`${label(l)}: content hash differs from the audit record`);
      // The forger prints the new code: the page finds the letter and refuses it.
      const page = await pageSays(forgedHash);
      expect(page.verdicts).toEqual(['failed']);
      expect(page.problems).toContain('承诺书签章：县级密钥签名验证失败');
    } finally {
      await testDb.commitmentVersion.update({ where: { id: versionId }, data: { content: l.content!, canonical: l.canonical, contentHash: l.contentHash } });
    }
  });

  test('edit an audit row and re-chain everything after it', async () => {
    const issue = await testDb.auditEvent.findFirstOrThrow({ where: { entity: 'CommitmentVersion', entityId: versionId, action: 'commitment.issue' } });
    const original = await testDb.auditEvent.findMany({ where: { seq: { gte: issue.seq } }, orderBy: { seq: 'asc' } });
    try {
      let previous: { hash: string } | null = issue.prevHash ? { hash: issue.prevHash } : null;
      for (const event of original) {
        const after = event.seq === issue.seq ? { ...(event.after as object), ip: '1.1.1.1', note: '改写' } : event.after;
        const rechained = chainAuditEvent(previous, { actorId: event.actorId, action: event.action, entity: event.entity, entityId: event.entityId, before: event.before, after, at: event.createdAt.toISOString() });
        await testDb.auditEvent.update({ where: { seq: event.seq }, data: { after: after as object, prevHash: rechained.prevHash, hash: rechained.hash } });
        previous = rechained;
      }
      const problems = (await verifyIntegrity(testDb)).problems;
      expect(problems.some((p) => /^audit checkpoint \d+: audit event seq \d+ no longer has the anchored hash \(chain rewritten\)$/.test(p))).toBe(true);
      expect(problems.filter((p) => p.startsWith('audit event seq'))).toEqual([]); // the chain itself holds together
      const page = await pageSays(contentHash);
      expect(page.chain.some((p) => p.includes('审计链被改写'))).toBe(true);
    } finally {
      await restoreEvents(original);
    }
  });

  test('delete the chain’s tail', async () => {
    const sign = await testDb.auditEvent.findFirstOrThrow({ where: { entity: 'Signature', action: 'commitment.sign', after: { path: ['versionId'], equals: versionId } } });
    const tail = await testDb.auditEvent.findMany({ where: { seq: { gte: sign.seq } }, orderBy: { seq: 'asc' } });
    try {
      await testDb.auditEvent.deleteMany({ where: { seq: { gte: sign.seq } } });
      const problems = (await verifyIntegrity(testDb)).problems;
      expect(problems.some((p) => /^audit checkpoint \d+: audit event seq \d+ it anchors is missing \(chain truncated\?\)$/.test(p))).toBe(true);
      const l = await letter();
      expect(problems.filter((p) => p.endsWith('no audit record of the signature'))).toHaveLength(2);
      const leader = l.signatures.find((s) => s.signerRole === 'LEADER')!;
      expect(problems).toContain(`signature ${leader.id} (${l.commitment.unit.name}, ${YEAR}, v1, LEADER): no audit record of the signature`);
      const page = await pageSays(contentHash);
      expect(page.verdicts).toEqual(['failed']);
      expect(page.chain.some((p) => p.includes('审计链被截断'))).toBe(true);
    } finally {
      await restoreEvents(tail);
    }
  });

  test('delete the countersignature (and one spawn of npm run verify)', async () => {
    const l = await letter();
    const countersignature = l.signatures.find((s) => s.signerRole === 'LEADER')!;
    try {
      await testDb.signature.delete({ where: { id: countersignature.id } });
      const problems = (await verifyIntegrity(testDb)).problems;
      expect(problems).toContain(`${label(l)}: LOCKED without its LEADER signature`);
      expect(problems.some((p) => p.startsWith(`signature ${countersignature.id} (recorded by audit event seq`))).toBe(true);
      const page = await pageSays(contentHash);
      expect(page.verdicts).toEqual(['failed']);
      expect(page.problems).toContain('缺少分管县领导的签名记录');

      // The scheduled job finds it too, keeps the outcome for the office's panel and notifies the office.
      const checkpoints = await testDb.auditCheckpoint.count();
      expect((await runScheduledJobs({ today: new Date() })).integrityProblems).toBeGreaterThan(0);
      expect(await testDb.auditCheckpoint.count()).toBe(checkpoints); // a broken state is never anchored
      const notice = await testDb.notification.findFirst({ where: { userId: admin.id, kind: 'integrity.broken' }, orderBy: { createdAt: 'desc' } });
      expect(notice).toMatchObject({ link: '/verify', title: expect.stringContaining('完整性核验失败') });
      const status = await getIntegrityStatus({ user: admin });
      expect(status.lastCheck!.problems).toContain(`${label(l)}: LOCKED without its LEADER signature`);
      await expect(getIntegrityStatus({ user: await sessionUser('tjj_head') })).rejects.toThrow('无权');

      const run = spawnSync(...tsxCommand('--conditions=react-server', 'scripts/verify.ts'), { encoding: 'utf8', env: process.env });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`${label(l)}: LOCKED without its LEADER signature`);
      expect(run.stdout).toMatch(/verify: \d+ problem\(s\)/);
    } finally {
      await testDb.signature.create({ data: countersignature as Signature });
    }
    expect((await verifyIntegrity(testDb)).problems).toEqual([]);
  });
});

describe('forged PDFs are refused by the 核验 page', () => {
  test('an edited PDF (content changed, 核验码 kept)', async () => {
    const text = genuinePdf.toString('latin1');
    const producer = /\/Producer \(([^)]*)\)/.exec(text)!;
    const edited = Buffer.from(text.replace(producer[0], producer[0].replace(/.\)$/, 'X)')), 'latin1');
    expect(edited.length).toBe(genuinePdf.length);
    expect(await verifyLetterPdf({ user: admin, bytes: edited })).toEqual({ ok: false, message: expect.stringContaining('内容在签名之后被改动过') });
    // A forger renders the letter again with 2个 and the same title: it has no county signature.
    const forged = await renderPdf(`目标责任承诺书 县统计局 ${YEAR}年度 第1版 SHA-256 ${contentHash}`, '新建统计监测站点2个');
    expect(await verifyLetterPdf({ user: admin, bytes: forged })).toEqual({ ok: false, message: expect.stringContaining('没有数字签名') });
  });

  test('a PDF with the signature stripped, or with content appended after signing', async () => {
    expect(await verifyLetterPdf({ user: admin, bytes: unsignedPdf })).toEqual({ ok: false, message: expect.stringContaining('没有数字签名') });
    const appended = Buffer.concat([genuinePdf, Buffer.from('\n1 0 obj\n(2个)\nendobj\n', 'latin1')]);
    expect(await verifyLetterPdf({ user: admin, bytes: appended })).toEqual({ ok: false, message: expect.stringContaining('签名之后又被修改过') });
  });
});

describe('signing is throttled like sign-in', () => {
  test('wrong signing passwords lock the account; the answer never says whether the letter is signed', async () => {
    const head = await sessionUser('tjj_head');
    const meta = { ip: '10.66.0.1', userAgent: 'guesser' };
    const sign = (password: string) => signCommitment({ user: head, input: { versionId, signedHash: contentHash, password }, meta });
    try {
      // The letter is already LOCKED: a wrong password is answered 密码错误, not 已签署锁定.
      for (let i = 0; i < SIGN_IN_THROTTLE.accountAddressFailures; i++) await expect(sign('wrong')).rejects.toThrow('密码错误');
      expect(await testDb.loginAttempt.count({ where: { username: 'tjj_head', success: false, ip: meta.ip } })).toBe(SIGN_IN_THROTTLE.accountAddressFailures);
      // Locked now: even the right password is refused before anything about the letter is said.
      await expect(sign(PASSWORD)).rejects.toThrow('账号已锁定');
      // From another address the owner can still sign in and sign (here: learns the letter is locked).
      await expect(signCommitment({ user: head, input: { versionId, signedHash: contentHash, password: PASSWORD }, meta: META })).rejects.toThrow('已签署锁定');
    } finally {
      await resetSignInThrottle('tjj_head');
    }
  });
});

describe('honest states', () => {
  test('a letter whose tasks changed since signing verifies as 已签署但已过期, never 有效', async () => {
    const task = await testDb.task.findUniqueOrThrow({ where: { id: taskId } });
    await editTask({ user: admin, input: { taskId, version: task.version, deadline: `${YEAR}-12-31`, reason: '调整时限' } });
    const match = (await findByHash({ user: admin, query: contentHash })).matches[0]!;
    expect(match.verdict).toMatchObject({ kind: 'outdated', label: expect.stringContaining('已签署但已过期') });
    const fromPdf = await verifyLetterPdf({ user: admin, bytes: genuinePdf });
    expect(fromPdf.ok && fromPdf.match.verdict.kind).toBe('outdated');
  });
});

async function restoreEvents(events: AuditEvent[]) {
  await testDb.auditEvent.deleteMany({ where: { seq: { gte: events[0]!.seq } } });
  await testDb.auditEvent.createMany({ data: events.map((e) => ({ ...e, before: e.before ?? undefined, after: e.after ?? undefined })) });
}

afterAll(async () => {
  expect((await verifyIntegrity(testDb)).problems).toEqual([]);
});
