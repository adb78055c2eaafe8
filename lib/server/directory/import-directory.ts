import 'server-only';
import { db, type Db, type Tx } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { recordAuditEvents } from '@/lib/server/audit/record-audit-event';
import { hashPassword } from '@/lib/server/auth/hash-password';
import { diffDirectory, type DirectoryChanges } from '@/lib/core/directory/directory-data';
import { readDirectoryWorkbook } from '@/lib/core/directory/workbook';
import { validateDirectory, type DirectoryIssue } from '@/lib/core/directory/validate-directory';
import { generateOneTimePassword } from '@/lib/core/auth/one-time-password';
import { readDirectory } from './read-directory';
import { unitRecord } from './unit-record';
import { userFields, writeUserChange } from './user-record';
import { writeLeaderUnits } from './set-leader-units';

export type DirectoryFile = { name: string; bytes: Uint8Array };

/** What an import would do (or did): counts, and the units and accounts it creates or changes. */
export type DirectorySummary = {
  units: { created: string[]; updated: string[]; unchanged: number };
  users: { created: string[]; updated: string[]; unchanged: number };
  leaders: { updated: string[]; unchanged: number };
};

export type DirectoryPreview = { issues: DirectoryIssue[]; summary: DirectorySummary | null };

export type DirectoryImportResult =
  | { ok: false; issues: DirectoryIssue[] }
  | { ok: true; summary: DirectorySummary; oneTimePasswords: { username: string; name: string; password: string }[] };

function summarise(changes: DirectoryChanges): DirectorySummary {
  return {
    units: {
      created: changes.units.create.map((unit) => `${unit.code} ${unit.name}`),
      updated: changes.units.update.map(({ after }) => `${after.code} ${after.name}`),
      unchanged: changes.units.unchanged,
    },
    users: {
      created: changes.users.create.map((user) => `${user.username} ${user.name}`),
      updated: changes.users.update.map(({ after }) => `${after.username} ${after.name}`),
      unchanged: changes.users.unchanged,
    },
    leaders: { updated: changes.leaders.update.map(({ after }) => after.username), unchanged: changes.leaders.unchanged },
  };
}

/** Reads and checks the workbook against the directory as `client` sees it; nothing is written. */
async function checkWorkbook(client: Db | Tx, user: SessionUser, file: DirectoryFile) {
  if (!/\.xlsx$/i.test(file.name.trim())) {
    return { issues: [{ sheet: null, row: null, message: '请上传 .xlsx 格式的目录工作簿' }], changes: null, stored: null };
  }
  const { raw, issues: readIssues } = await readDirectoryWorkbook(file.bytes);
  const stored = await readDirectory(client);
  const { issues, incoming } = validateDirectory(raw, stored.directory, user.username);
  const all = [...readIssues, ...issues];
  return { issues: all, changes: all.length === 0 ? diffDirectory(incoming, stored.directory) : null, stored };
}

/** 预览: every row's problems, and what the import would change. Writes nothing. */
export async function previewDirectoryImport({ user, file }: { user: SessionUser; file: DirectoryFile }): Promise<DirectoryPreview> {
  if (!can(user, 'user.manage')) throw forbidden('导入目录');
  const { issues, changes } = await checkWorkbook(db, user, file);
  return { issues, summary: changes ? summarise(changes) : null };
}

/**
 * 确认导入: writes the whole workbook in one transaction (units by 编码, people by 账号, then 分管),
 * each change with its audit row — or, if any row has a problem, nothing at all. New accounts get
 * the 初始密码 given or a generated one-time password (returned once); all must change it.
 */
export async function importDirectory({ user, file }: { user: SessionUser; file: DirectoryFile }): Promise<DirectoryImportResult> {
  if (!can(user, 'user.manage')) throw forbidden('导入目录');
  // Passwords are hashed before the transaction: bcrypt takes ~70 ms an account.
  const checked = await checkWorkbook(db, user, file);
  if (!checked.changes) return { ok: false, issues: checked.issues };
  const passwords = new Map<string, { password: string; generated: boolean; hash: string }>();
  for (const created of checked.changes.users.create) {
    const password = created.initialPassword ?? generateOneTimePassword();
    passwords.set(created.username, { password, generated: !created.initialPassword, hash: await hashPassword(password) });
  }

  return db.$transaction(
    async (tx) => {
      // One import at a time; checked again inside, in case the directory changed since.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7240101)`;
      const { issues, changes, stored } = await checkWorkbook(tx, user, file);
      if (!changes || !stored) return { ok: false as const, issues };
      const unitIds = new Map(stored.unitIds);
      const audits: Parameters<typeof recordAuditEvents>[1] = [];

      for (const unit of changes.units.create) {
        const created = await tx.unit.create({ data: unitRecord(unit), select: { id: true } });
        unitIds.set(unit.code, created.id);
        audits.push({ actorId: user.id, action: 'unit.create', entity: 'Unit', entityId: created.id, after: unitRecord(unit) });
      }
      for (const { before, after } of changes.units.update) {
        const unitId = unitIds.get(before.code)!;
        await tx.unit.update({ where: { id: unitId }, data: unitRecord(after) });
        audits.push({ actorId: user.id, action: 'unit.update', entity: 'Unit', entityId: unitId, before: unitRecord(before), after: unitRecord(after) });
      }
      await recordAuditEvents(tx, audits.splice(0));

      const oneTimePasswords: { username: string; name: string; password: string }[] = [];
      for (const { initialPassword: _initialPassword, unitCode, ...created } of changes.users.create) {
        const fields = userFields({ ...created, unitId: unitCode ? unitIds.get(unitCode)! : null });
        const password = passwords.get(created.username) ?? { password: generateOneTimePassword(), generated: true, hash: '' };
        const passwordHash = password.hash || (await hashPassword(password.password));
        const row = await tx.user.create({ data: { ...fields, passwordHash, mustChangePassword: true }, select: { id: true } });
        stored.userIds.set(created.username, row.id);
        audits.push({ actorId: user.id, action: 'user.create', entity: 'User', entityId: row.id, after: fields });
        if (password.generated) oneTimePasswords.push({ username: created.username, name: created.name, password: password.password });
      }
      await recordAuditEvents(tx, audits.splice(0));
      for (const { before, after } of changes.users.update) {
        const toFields = ({ unitCode, ...record }: typeof before) => userFields({ ...record, unitId: unitCode ? unitIds.get(unitCode)! : null });
        await writeUserChange(tx, { actor: user, userId: stored.userIds.get(before.username)!, before: toFields(before), after: toFields(after) });
      }
      for (const { after } of changes.leaders.update) {
        await writeLeaderUnits(tx, {
          actor: user,
          leaderId: stored.userIds.get(after.username)!,
          unitIds: after.unitCodes.map((code) => unitIds.get(code)!),
        });
      }
      return { ok: true as const, summary: summarise(changes), oneTimePasswords };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

