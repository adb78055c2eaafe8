import bcrypt from 'bcryptjs';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { buildDirectoryWorkbook } from '@/lib/core/directory/workbook';
import { createUnit } from '@/lib/server/directory/create-unit';
import { createUser } from '@/lib/server/directory/create-user';
import { deleteUnit } from '@/lib/server/directory/delete-unit';
import { exportDirectory } from '@/lib/server/directory/export-directory';
import { getUnit } from '@/lib/server/directory/get-unit';
import { getUser } from '@/lib/server/directory/get-user';
import { listUnitChoices } from '@/lib/server/directory/list-unit-choices';
import { importDirectory, previewDirectoryImport } from '@/lib/server/directory/import-directory';
import { getLeaderUnits } from '@/lib/server/directory/get-leader-units';
import { listLeaders } from '@/lib/server/directory/list-leaders';
import { listUnits } from '@/lib/server/directory/list-units';
import { listUsers } from '@/lib/server/directory/list-users';
import { setLeaderUnits } from '@/lib/server/directory/set-leader-units';
import { updateUnit } from '@/lib/server/directory/update-unit';
import { updateUser } from '@/lib/server/directory/update-user';
import { unitListParamsSchema, userListParamsSchema } from '@/lib/core/schemas/directory';
import { databaseKind, sessionUser, testDb, unitId } from '../support/db';
import { workflowTask } from '../support/workflow';

/** A workbook file with the given sheets, each a header row followed by data rows. */
async function workbookFile(sheets: Record<string, (string | number)[][]>, name = '目录.xlsx') {
  const book = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) book.addWorksheet(sheet).addRows(rows);
  return { name, bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

/** Everything an import could write, to prove a refused one wrote nothing. */
async function directoryCounts() {
  const [units, users, links, audits, sessions] = await Promise.all([
    testDb.unit.count(),
    testDb.user.count(),
    testDb.leaderUnit.count(),
    testDb.auditEvent.count(),
    testDb.userSession.count({ where: { revokedAt: { not: null } } }),
  ]);
  return { units, users, links, audits, sessions };
}

async function startSession(username: string) {
  const user = await testDb.user.findUniqueOrThrow({ where: { username } });
  return testDb.userSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
}

describe(`directory (${databaseKind} PostgreSQL)`, () => {
  test('a good workbook is previewed without writing, then imported in one go with audit rows and one-time passwords', async () => {
    const admin = await sessionUser('admin');
    const file = await workbookFile({
      单位: [['编码', '全称', '简称', '类型', '排序', '启用', '职责关键词', '别名'], ['itest_a', '县数据资源局', '数据局', '部门', 90, '是', '数据、大数据、政务云', '大数据局']],
      人员: [
        ['账号', '姓名', '职务', '角色', '单位编码', '单位全称', '手机', '启用', '初始密码'],
        ['itest_a_head', '钱一', '局长', '单位负责人', 'itest_a', '', '13900000001', '是', ''],
        ['itest_a_staff', '钱二', '', '单位联络员', '', '县数据资源局', '', '', 'Shuju2024x'],
        ['itest_leader', '钱三', '副县长', '县领导', '', '', '', '', ''],
      ],
      分管: [['领导账号', '单位'], ['itest_leader', 'itest_a'], ['itest_leader', '县财政局']],
    });
    const before = await directoryCounts();
    const preview = await previewDirectoryImport({ user: admin, file });
    expect(preview.issues).toEqual([]);
    expect(preview.summary).toEqual({
      units: { created: ['itest_a 县数据资源局'], updated: [], unchanged: 0 },
      users: { created: ['itest_a_head 钱一', 'itest_a_staff 钱二', 'itest_leader 钱三'], updated: [], unchanged: 0 },
      leaders: { updated: ['itest_leader'], unchanged: 0 },
    });
    expect(await directoryCounts()).toEqual(before);

    const lastSeq = (await testDb.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' } })).seq;
    const result = await importDirectory({ user: admin, file });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    // Passwords are returned only for accounts without a typed one.
    expect(result.oneTimePasswords.map((p) => p.username)).toEqual(['itest_a_head', 'itest_leader']);
    const unit = await testDb.unit.findUniqueOrThrow({ where: { code: 'itest_a' } });
    expect(unit).toMatchObject({ name: '县数据资源局', shortName: '数据局', kind: 'DEPARTMENT', sortOrder: 90, keywords: ['数据', '大数据', '政务云'], aliases: ['大数据局'] });
    const head = await testDb.user.findUniqueOrThrow({ where: { username: 'itest_a_head' } });
    expect(head).toMatchObject({ role: 'UNIT_HEAD', unitId: unit.id, phone: '13900000001', mustChangePassword: true, title: '局长' });
    expect(await bcrypt.compare(result.oneTimePasswords[0]!.password, head.passwordHash)).toBe(true);
    const staff = await testDb.user.findUniqueOrThrow({ where: { username: 'itest_a_staff' } });
    expect(await bcrypt.compare('Shuju2024x', staff.passwordHash)).toBe(true);
    const leader = await testDb.user.findUniqueOrThrow({ where: { username: 'itest_leader' }, include: { overseenUnits: true } });
    expect(leader.overseenUnits.map((link) => link.unitId).sort()).toEqual([unit.id, await unitId('czj')].sort());
    const after = await directoryCounts();
    expect(after.units - before.units).toBe(1);
    expect(after.users - before.users).toBe(3);
    // One row per unit and account, one for the 分管; none holds a password hash.
    const audits = await testDb.auditEvent.findMany({ where: { seq: { gt: lastSeq } }, orderBy: { seq: 'asc' } });
    expect(audits.map((event) => event.action)).toEqual(['unit.create', 'user.create', 'user.create', 'user.create', 'leader.units.set']);
    expect(JSON.stringify(audits)).not.toContain('$2');
  });

  test('bad workbooks are refused with every row number, and nothing is written', async () => {
    const admin = await sessionUser('admin');
    const before = await directoryCounts();
    const file = await workbookFile({
      单位: [['编码', '全称', '类型'], ['itest_b', '县新建局', '部门'], ['itest_c', '县财政局', '镇办']],
      人员: [['账号', '姓名', '角色', '单位编码'], ['itest_b_head', '孙一', '单位负责人', 'itest_b'], ['itest_b_staff', '孙二', '科员', 'itest_b'], ['fgj_staff', '杨小雨', '单位联络员', '']],
      分管: [['领导账号', '单位'], ['leader', '火星局']],
    });
    const preview = await previewDirectoryImport({ user: admin, file });
    expect(preview.summary).toBeNull();
    expect(preview.issues.map((issue) => [issue.sheet, issue.row, issue.column])).toEqual([
      ['单位', 3, '全称'],
      ['人员', 3, '角色'],
      ['人员', 4, '单位全称'],
      ['分管', 2, '单位'],
    ]);
    expect(preview.issues[0]!.message).toBe('全称“县财政局”已被单位“czj”使用');
    const result = await importDirectory({ user: admin, file });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toEqual(preview.issues);
    expect(await directoryCounts()).toEqual(before);
    expect(await testDb.unit.findUnique({ where: { code: 'itest_b' } })).toBeNull();

    for (const bad of [{ name: '目录.xls', bytes: file.bytes }, { name: '目录.xlsx', bytes: new TextEncoder().encode('编码,全称') }]) {
      const refused = await importDirectory({ user: admin, file: bad });
      expect(refused.ok).toBe(false);
    }
    expect(await directoryCounts()).toEqual(before);
  });

  test('export → import round trip: nothing changes, and the export reads the same again', async () => {
    const admin = await sessionUser('admin');
    const exported = await exportDirectory({ user: admin });
    expect(exported.units.length).toBeGreaterThan(30);
    expect(exported.leaders.find((leader) => leader.username === 'leader')!.unitCodes).toEqual(['fgj', 'gxj', 'czj', 'swj', 'tjj', 'tcj']);
    const file = { name: '目录.xlsx', bytes: new Uint8Array(await buildDirectoryWorkbook(exported)) };
    const before = await directoryCounts();
    const result = await importDirectory({ user: admin, file });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.summary).toEqual({
      units: { created: [], updated: [], unchanged: exported.units.length },
      users: { created: [], updated: [], unchanged: exported.users.length },
      leaders: { updated: [], unchanged: exported.leaders.length },
    });
    expect(result.oneTimePasswords).toEqual([]);
    expect(await directoryCounts()).toEqual(before);
    expect(await exportDirectory({ user: admin })).toEqual(exported);
  });

  test('renaming a unit keeps its id, its tasks and its history; a unit with tasks can only be deactivated', async () => {
    const admin = await sessionUser('admin');
    const task = await workflowTask('目录测试：改名单位的任务');
    const fgj = await getUnit({ user: admin, unitId: task.leadUnitId });
    expect(fgj.deletable).toBe(false);
    const input = { unitId: fgj.unit.id, code: 'fgj', name: '县发展改革委员会', shortName: '发改委', kind: 'DEPARTMENT', sortOrder: 0, active: 'on', keywords: '项目、投资', aliases: '发改局' };
    await updateUnit({ user: admin, input: { ...input, updatedAt: fgj.unit.updatedAt.toISOString() } });
    const renamed = await testDb.unit.findUniqueOrThrow({ where: { id: fgj.unit.id } });
    expect(renamed).toMatchObject({ name: '县发展改革委员会', keywords: ['项目', '投资'], aliases: ['发改局'] });
    expect((await testDb.task.findUniqueOrThrow({ where: { id: task.id } })).leadUnitId).toBe(fgj.unit.id);
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { entity: 'Unit', entityId: fgj.unit.id, action: 'unit.update' }, orderBy: { seq: 'desc' } });
    expect(audit.before).toMatchObject({ name: '县发展和改革局' });
    expect(audit.after).toMatchObject({ name: '县发展改革委员会' });
    // The form drawn before the rename is stale now.
    await expect(updateUnit({ user: admin, input: { ...input, name: '覆盖', updatedAt: fgj.unit.updatedAt.toISOString() } })).rejects.toThrow('已被他人修改');

    const auditsBefore = await testDb.auditEvent.count();
    await expect(deleteUnit({ user: admin, unitId: fgj.unit.id })).rejects.toThrow('不能删除，只能停用');
    expect(await testDb.unit.findUnique({ where: { id: fgj.unit.id } })).not.toBeNull();
    expect(await testDb.auditEvent.count()).toBe(auditsBefore);
    await updateUnit({ user: admin, input: { ...input, name: '县发展和改革局', shortName: '发改局', keywords: '', aliases: '', active: '', updatedAt: renamed.updatedAt.toISOString() } });
    expect((await testDb.unit.findUniqueOrThrow({ where: { id: fgj.unit.id } })).active).toBe(false);
    const reactivate = await testDb.unit.findUniqueOrThrow({ where: { id: fgj.unit.id } });
    await updateUnit({ user: admin, input: { ...input, name: '县发展和改革局', shortName: '发改局', keywords: '', aliases: '', updatedAt: reactivate.updatedAt.toISOString() } });

    // A unit nothing refers to may be deleted, with an audit row.
    const empty = await createUnit({ user: admin, input: { code: 'itest_del', name: '县临时专班', kind: 'OTHER', sortOrder: 99, active: 'on', keywords: '', aliases: '' } });
    expect(empty.shortName).toBe('县临时专班');
    await expect(createUnit({ user: admin, input: { code: 'itest_del', name: '县另一个专班', kind: 'OTHER', sortOrder: 1, active: 'on' } })).rejects.toThrow('编码“itest_del”已被其他单位使用');
    await deleteUnit({ user: admin, unitId: empty.id });
    expect(await testDb.unit.findUnique({ where: { id: empty.id } })).toBeNull();
    expect(await testDb.auditEvent.count({ where: { entityId: empty.id, action: 'unit.delete' } })).toBe(1);
  });

  test('moving a user, changing their role or deactivating them ends their sessions; other edits do not', async () => {
    const admin = await sessionUser('admin');
    const created = await createUser({
      user: admin,
      input: { username: 'itest_mover', name: '周八', role: 'UNIT_STAFF', unitId: await unitId('jyj'), phone: '', active: 'on', initialPassword: '' },
    });
    expect(created.oneTimePassword).toMatch(/^[A-Za-z2-9]{12}$/);
    const edit = async (changes: Record<string, unknown>) => {
      const stored = await getUser({ user: admin, userId: created.id });
      const base = { userId: created.id, username: stored.username, name: stored.name, title: stored.title ?? '', role: stored.role, unitId: stored.unitId ?? '', phone: stored.phone ?? '', active: stored.active ? 'on' : '' };
      await updateUser({ user: admin, input: { ...base, updatedAt: stored.updatedAt.toISOString(), ...changes } });
    };
    const revoked = async (sessionId: string) => (await testDb.userSession.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt !== null;

    let session = await startSession('itest_mover');
    await edit({ phone: '13700000000', title: '联络员' });
    expect(await revoked(session.id)).toBe(false);
    await edit({ unitId: await unitId('wjj') });
    expect(await revoked(session.id)).toBe(true);
    session = await startSession('itest_mover');
    await edit({ role: 'UNIT_HEAD' });
    expect(await revoked(session.id)).toBe(true);
    session = await startSession('itest_mover');
    await edit({ active: '' });
    expect(await revoked(session.id)).toBe(true);
    const stored = await testDb.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ unitId: await unitId('wjj'), role: 'UNIT_HEAD', active: false, phone: '13700000000' });
    expect(await testDb.auditEvent.count({ where: { entityId: created.id, action: 'user.update' } })).toBe(4);

    // A unit role needs a unit; the office cannot lock itself out; a stale form is refused.
    await expect(edit({ unitId: '' })).rejects.toThrow('单位负责人和联络员必须属于一个单位');
    const self = await getUser({ user: admin, userId: admin.id });
    const selfInput = { userId: admin.id, username: 'admin', name: self.name, role: 'LEADER', unitId: '', active: 'on', updatedAt: self.updatedAt.toISOString() };
    await expect(updateUser({ user: admin, input: selfInput })).rejects.toThrow('不能停用或降级当前登录的账号');
    await expect(edit({ updatedAt: new Date(0).toISOString() })).rejects.toThrow('已被他人修改');
  });

  test('分管 is replaced per leader and audited; a leader demoted to another role oversees nothing', async () => {
    const admin = await sessionUser('admin');
    const leader = await createUser({ user: admin, input: { username: 'itest_leader2', name: '吴九', role: 'LEADER', active: 'on', initialPassword: 'Lingdao2024' } });
    expect(leader.oneTimePassword).toBeNull();
    await setLeaderUnits({ user: admin, input: { leaderId: leader.id, unitIds: [await unitId('jyj'), await unitId('wjj')] } });
    const edit = await getLeaderUnits({ user: admin, leaderId: leader.id });
    expect(edit.selectedUnitIds.sort()).toEqual([await unitId('jyj'), await unitId('wjj')].sort());
    expect(edit.units.find((unit) => unit.shortName === '教育局')!.otherLeaders).toEqual(['陈晓梅']);
    await setLeaderUnits({ user: admin, input: { leaderId: leader.id, unitIds: [await unitId('wjj')] } });
    expect(await testDb.leaderUnit.count({ where: { leaderId: leader.id } })).toBe(1);
    expect(await testDb.auditEvent.count({ where: { entityId: leader.id, action: 'leader.units.set' } })).toBe(2);
    await expect(setLeaderUnits({ user: admin, input: { leaderId: (await sessionUser('fgj_head')).id, unitIds: [] } })).rejects.toThrow('未找到');

    const stored = await getUser({ user: admin, userId: leader.id });
    await updateUser({
      user: admin,
      input: { userId: leader.id, username: 'itest_leader2', name: '吴九', role: 'UNIT_HEAD', unitId: await unitId('wjj'), active: 'on', updatedAt: stored.updatedAt.toISOString() },
    });
    expect(await testDb.leaderUnit.count({ where: { leaderId: leader.id } })).toBe(0);
  });

  test('lists search and page on the server', async () => {
    const admin = await sessionUser('admin');
    const units = await listUnits({ user: admin, params: unitListParamsSchema.parse({ q: '教育', pageSize: '20' }) });
    expect(units.rows.map((unit) => unit.code)).toEqual(['jyj']);
    const page2 = await listUnits({ user: admin, params: unitListParamsSchema.parse({ page: '2', sort: 'code' }) });
    expect(page2.rows).toHaveLength(Math.min(20, page2.total - 20));
    const people = await listUsers({ user: admin, params: userListParamsSchema.parse({ q: '财政局' }) });
    expect(people.rows.map((user) => user.username).sort()).toEqual(['czj_head', 'czj_staff']);
    const leaders = await listUsers({ user: admin, params: userListParamsSchema.parse({ role: 'LEADER', sort: 'username', dir: 'desc' }) });
    expect(leaders.rows.every((user) => user.role === 'LEADER')).toBe(true);
    expect(leaders.rows.map((user) => user.username)).toEqual(leaders.rows.map((user) => user.username).sort().reverse());
  });

  test('a non-admin is refused every directory function: another unit’s head, a unit’s staff, a leader', async () => {
    const admin = await sessionUser('admin');
    const fgj = await unitId('fgj');
    const someone = await sessionUser('jyj_staff');
    const file = await workbookFile({ 单位: [['编码', '全称', '类型'], ['itest_x', '县不该有的局', '部门']] });
    const before = await directoryCounts();
    for (const username of ['jyj_head', 'fgj_staff', 'leader']) {
      const user = await sessionUser(username);
      const calls: [string, () => Promise<unknown>][] = [
        ['listUnits', () => listUnits({ user, params: unitListParamsSchema.parse({}) })],
        ['getUnit', () => getUnit({ user, unitId: fgj })],
        ['createUnit', () => createUnit({ user, input: { code: 'itest_x', name: '县不该有的局', kind: 'DEPARTMENT', sortOrder: 1, active: 'on' } })],
        ['updateUnit', () => updateUnit({ user, input: { unitId: fgj, code: 'fgj', name: '改名', kind: 'DEPARTMENT', sortOrder: 0, active: 'on', updatedAt: new Date().toISOString() } })],
        ['deleteUnit', () => deleteUnit({ user, unitId: fgj })],
        ['listUsers', () => listUsers({ user, params: userListParamsSchema.parse({}) })],
        ['getUser', () => getUser({ user, userId: someone.id })],
        ['listUnitChoices', () => listUnitChoices({ user })],
        ['createUser', () => createUser({ user, input: { username: 'itest_x', name: '某人', role: 'ADMIN', active: 'on' } })],
        ['updateUser', () => updateUser({ user, input: { userId: someone.id, username: 'jyj_staff', name: '某人', role: 'ADMIN', active: 'on', updatedAt: new Date().toISOString() } })],
        ['listLeaders', () => listLeaders({ user })],
        ['getLeaderUnits', () => getLeaderUnits({ user, leaderId: admin.id })],
        ['setLeaderUnits', () => setLeaderUnits({ user, input: { leaderId: user.id, unitIds: [fgj] } })],
        ['previewDirectoryImport', () => previewDirectoryImport({ user, file })],
        ['importDirectory', () => importDirectory({ user, file })],
        ['exportDirectory', () => exportDirectory({ user })],
      ];
      for (const [name, call] of calls) {
        await expect(call(), `${username} ${name}`).rejects.toThrow(/未找到该记录|无权执行/);
      }
    }
    expect(await directoryCounts()).toEqual(before);
  });
});
