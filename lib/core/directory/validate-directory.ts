/**
 * Checks every row of a directory workbook against itself and the stored directory, before
 * anything is written: each problem is reported with its sheet, Excel row and column, in Chinese.
 * Units are referred to by code or full name (a unit's old name still works while it is renamed
 * in the same workbook; an unambiguous short name is accepted too).
 */
import type { z } from 'zod';
import { unitFields, userFields } from '@/lib/core/schemas/directory';
import { passwordProblems } from '@/lib/core/auth/password-policy';
import type { Directory, DirectoryImport, IncomingLeader } from './directory-data';
import { ROLE_LABELS, ROLES, splitList, UNIT_KIND_LABELS, UNIT_KINDS, UNIT_ROLES, type DirectoryRole } from './labels';
import { DIRECTORY_COLUMNS, type DirectorySheet, type RawDirectory, type WorkbookIssue } from './workbook';

export type DirectoryIssue = WorkbookIssue;

const KIND_WORDS: Record<string, (typeof UNIT_KINDS)[number]> = {
  ...Object.fromEntries(UNIT_KINDS.flatMap((kind) => [[kind, kind], [UNIT_KIND_LABELS[kind], kind]])),
  县直部门: 'DEPARTMENT',
  县直单位: 'DEPARTMENT',
  乡镇: 'TOWNSHIP',
  镇: 'TOWNSHIP',
  街道: 'TOWNSHIP',
};
const ROLE_WORDS: Record<string, DirectoryRole> = {
  ...Object.fromEntries(ROLES.flatMap((role) => [[role, role], [ROLE_LABELS[role], role]])),
  管理员: 'ADMIN',
  领导: 'LEADER',
  负责人: 'UNIT_HEAD',
  联络员: 'UNIT_STAFF',
};
const YES_WORDS = new Set(['是', '启用', 'Y', 'YES', 'TRUE', '1', '√']);
const NO_WORDS = new Set(['否', '停用', 'N', 'NO', 'FALSE', '0', '×']);

function headerOf(sheet: DirectorySheet, key: string): string {
  return (DIRECTORY_COLUMNS[sheet] as readonly { key: string; header: string }[]).find((column) => column.key === key)!.header;
}

/** Collects a sheet's issues; `field` parses one cell with its schema and records a failure. */
function issueCollector(sheet: DirectorySheet, issues: DirectoryIssue[]) {
  const add = (row: number, key: string | null, message: string) =>
    issues.push({ sheet, row, ...(key ? { column: headerOf(sheet, key) } : {}), message });
  function field<S extends z.ZodType>(row: number, key: string, schema: S, value: unknown): z.infer<S> | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    add(row, key, parsed.error.issues[0]?.message ?? '格式不正确');
    return undefined;
  }
  function yesNo(row: number, key: string, value: string | undefined): boolean | undefined {
    if (value === undefined) return true;
    const word = value.toUpperCase();
    if (YES_WORDS.has(word)) return true;
    if (NO_WORDS.has(word)) return false;
    add(row, key, '应填 是 或 否');
    return undefined;
  }
  return { add, field, yesNo };
}

/** Finds a unit by code, full name, a renamed unit's old name, or an unambiguous short name. */
function unitResolver(units: { code: string; name: string; shortName: string }[], current: Directory) {
  const byCode = new Map(units.map((unit) => [unit.code, unit.code]));
  const byName = new Map(units.map((unit) => [unit.name, unit.code]));
  for (const unit of current.units) if (!byName.has(unit.name) && byCode.has(unit.code)) byName.set(unit.name, unit.code);
  const shortCounts = new Map<string, number>();
  for (const unit of units) shortCounts.set(unit.shortName, (shortCounts.get(unit.shortName) ?? 0) + 1);
  const byShort = new Map(units.filter((unit) => shortCounts.get(unit.shortName) === 1).map((unit) => [unit.shortName, unit.code]));
  return {
    byCode: (code: string) => byCode.get(code),
    byName: (name: string) => byName.get(name) ?? byShort.get(name),
    any: (text: string) => byCode.get(text) ?? byName.get(text) ?? byShort.get(text),
  };
}

/**
 * The workbook's rows as an import, and every problem found. `actorUsername` is the office user
 * importing: the workbook may not deactivate or demote them (they would lock themselves out).
 */
export function validateDirectory(raw: RawDirectory, current: Directory, actorUsername: string): { issues: DirectoryIssue[]; incoming: DirectoryImport } {
  const issues: DirectoryIssue[] = [];
  const incoming: DirectoryImport = { units: [], users: [], leaders: [] };

  // ——— 单位 ———
  const unitIssues = issueCollector('单位', issues);
  const unitRowByCode = new Map<string, number>();
  for (const { row, cells } of raw.单位 ?? []) {
    const { field, yesNo, add } = unitIssues;
    const code = field(row, 'code', unitFields.code, cells.code);
    const name = field(row, 'name', unitFields.name, cells.name);
    const shortName = cells.shortName === undefined ? name : field(row, 'shortName', unitFields.shortName, cells.shortName);
    const kind = field(row, 'kind', unitFields.kind, KIND_WORDS[cells.kind ?? ''] ?? cells.kind);
    const sortOrder = cells.sortOrder === undefined ? null : field(row, 'sortOrder', unitFields.sortOrder, cells.sortOrder);
    const active = yesNo(row, 'active', cells.active);
    const keywords = field(row, 'keywords', unitFields.keywords, cells.keywords ?? '');
    const aliases = field(row, 'aliases', unitFields.aliases, cells.aliases ?? '');
    if (code !== undefined) {
      const earlier = unitRowByCode.get(code);
      if (earlier !== undefined) add(row, 'code', `编码“${code}”与第 ${earlier} 行重复`);
      else unitRowByCode.set(code, row);
    }
    if (code === undefined || name === undefined || shortName === undefined || kind === undefined) continue;
    if (sortOrder === undefined || active === undefined || keywords === undefined || aliases === undefined) continue;
    incoming.units.push({ row, code, name, shortName, kind, sortOrder, active, keywords, aliases });
  }
  // Full names stay unique across the stored units and the sheet's.
  const finalUnits = new Map(current.units.map((unit) => [unit.code, unit as { code: string; name: string; shortName: string }]));
  for (const unit of incoming.units) finalUnits.set(unit.code, unit);
  const codeByName = new Map<string, string>();
  for (const unit of finalUnits.values()) {
    const other = codeByName.get(unit.name);
    if (other === undefined) {
      codeByName.set(unit.name, unit.code);
      continue;
    }
    for (const code of [unit.code, other]) {
      const row = incoming.units.find((candidate) => candidate.code === code)?.row;
      const otherCode = code === unit.code ? other : unit.code;
      if (row !== undefined) unitIssues.add(row, 'name', `全称“${unit.name}”已被单位“${otherCode}”使用`);
    }
  }
  const units = unitResolver([...finalUnits.values()], current);

  // ——— 人员 ———
  const userIssues = issueCollector('人员', issues);
  const userRowByName = new Map<string, number>();
  for (const { row, cells } of raw.人员 ?? []) {
    const { field, yesNo, add } = userIssues;
    const username = field(row, 'username', userFields.username, cells.username);
    const name = field(row, 'name', userFields.name, cells.name);
    const title = field(row, 'title', userFields.title, cells.title);
    const role = field(row, 'role', userFields.role, ROLE_WORDS[cells.role ?? ''] ?? ROLE_WORDS[(cells.role ?? '').toUpperCase()] ?? cells.role);
    const phone = field(row, 'phone', userFields.phone, cells.phone);
    const active = yesNo(row, 'active', cells.active);
    const initialPassword = field(row, 'initialPassword', userFields.initialPassword, cells.initialPassword);
    let unitCode: string | null | undefined = null;
    const byCode = cells.unitCode === undefined ? undefined : units.byCode(cells.unitCode);
    const byName = cells.unitName === undefined ? undefined : units.byName(cells.unitName);
    if (cells.unitCode !== undefined && byCode === undefined) {
      add(row, 'unitCode', `找不到编码为“${cells.unitCode}”的单位`);
      unitCode = undefined;
    } else if (cells.unitName !== undefined && byName === undefined) {
      add(row, 'unitName', `找不到单位“${cells.unitName}”（请填写单位全称或编码）`);
      unitCode = undefined;
    } else if (byCode !== undefined && byName !== undefined && byCode !== byName) {
      add(row, 'unitName', `单位编码“${cells.unitCode}”与单位全称“${cells.unitName}”不是同一单位`);
      unitCode = undefined;
    } else {
      unitCode = byCode ?? byName ?? null;
    }
    if (role !== undefined && UNIT_ROLES.includes(role) && unitCode === null) add(row, 'unitName', `${ROLE_LABELS[role]}必须填写所在单位`);
    if (username !== undefined) {
      const earlier = userRowByName.get(username);
      if (earlier !== undefined) add(row, 'username', `账号“${username}”与第 ${earlier} 行重复`);
      else userRowByName.set(username, row);
      const problems = initialPassword === undefined ? [] : passwordProblems(initialPassword, { username });
      if (problems.length > 0) add(row, 'initialPassword', problems.join('；'));
      if (username === actorUsername && ((role !== undefined && role !== 'ADMIN') || active === false)) {
        add(row, 'role', '不能停用或降级当前登录的账号');
      }
    }
    if (username === undefined || name === undefined || role === undefined || active === undefined || unitCode === undefined) continue;
    if (UNIT_ROLES.includes(role) && unitCode === null) continue;
    incoming.users.push({ row, username, name, title: title ?? null, role, unitCode, phone: phone ?? null, active, initialPassword: initialPassword ?? null });
  }

  // ——— 分管 ———
  const leaderIssues = issueCollector('分管', issues);
  const roles = new Map<string, DirectoryRole>(current.users.map((user) => [user.username, user.role]));
  for (const user of incoming.users) roles.set(user.username, user.role);
  const leaders = new Map<string, IncomingLeader>();
  for (const { row, cells } of raw.分管 ?? []) {
    const { add } = leaderIssues;
    const username = cells.leader;
    const role = username === undefined ? undefined : roles.get(username);
    if (username === undefined) add(row, 'leader', '请填写领导账号');
    else if (role === undefined) add(row, 'leader', `找不到账号“${username}”`);
    else if (role !== 'LEADER') add(row, 'leader', `账号“${username}”的角色是${ROLE_LABELS[role]}，不是县领导`);
    const codes: string[] = [];
    if (cells.unit === undefined) add(row, 'unit', '请填写单位');
    for (const text of splitList(cells.unit ?? '')) {
      const code = units.any(text);
      if (code === undefined) add(row, 'unit', `找不到单位“${text}”（请填写单位编码或全称）`);
      else codes.push(code);
    }
    if (username === undefined || role !== 'LEADER') continue;
    const leader = leaders.get(username) ?? { username, unitCodes: [], row };
    for (const code of codes) if (!leader.unitCodes.includes(code)) leader.unitCodes.push(code);
    leaders.set(username, leader);
  }
  incoming.leaders = [...leaders.values()];
  issues.sort((a, b) => issueOrder(a) - issueOrder(b));
  return { issues, incoming };
}

const SHEET_ORDER: Record<string, number> = { 单位: 1, 人员: 2, 分管: 3 };
function issueOrder(issue: DirectoryIssue) {
  return (SHEET_ORDER[issue.sheet ?? ''] ?? 0) * 1_000_000 + (issue.row ?? 0);
}

/** 人员 第 5 行 手机：电话号码格式不正确 */
export function issueText(issue: DirectoryIssue): string {
  const where = [issue.sheet ? `“${issue.sheet}”表` : '', issue.row ? `第 ${issue.row} 行` : '', issue.column ?? ''].filter(Boolean).join(' ');
  return where ? `${where}：${issue.message}` : issue.message;
}

