// The directory (单位, 人员, 分管) as plain records keyed by unit code and account — the shape the
// workbook is read into and written from — and what importing one changes in another.
import type { DirectoryRole, DirectoryUnitKind } from './labels';

export type UnitRecord = {
  code: string;
  name: string;
  shortName: string;
  kind: DirectoryUnitKind;
  sortOrder: number;
  active: boolean;
  keywords: string[];
  aliases: string[];
};

export type UserRecord = {
  username: string;
  name: string;
  title: string | null;
  role: DirectoryRole;
  unitCode: string | null;
  phone: string | null;
  active: boolean;
};

/** 分管: the units one leader oversees, by code. */
export type LeaderRecord = { username: string; unitCodes: string[] };

export type Directory = { units: UnitRecord[]; users: UserRecord[]; leaders: LeaderRecord[] };

/** A unit row of an imported workbook; a blank 排序 keeps an existing unit's order. */
export type IncomingUnit = Omit<UnitRecord, 'sortOrder'> & { sortOrder: number | null; row: number };
/** A person row; 初始密码 applies only to a new account. */
export type IncomingUser = UserRecord & { initialPassword: string | null; row: number };
export type IncomingLeader = LeaderRecord & { row: number };
export type DirectoryImport = { units: IncomingUnit[]; users: IncomingUser[]; leaders: IncomingLeader[] };

export type Change<T> = { before: T; after: T };

export type DirectoryChanges = {
  units: { create: UnitRecord[]; update: Change<UnitRecord>[]; unchanged: number };
  users: { create: (UserRecord & { initialPassword: string | null })[]; update: Change<UserRecord>[]; unchanged: number };
  /** Leaders named in the 分管 sheet oversee exactly the units listed there; other leaders keep theirs. */
  leaders: { update: Change<LeaderRecord>[]; unchanged: number };
};

function sameList(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function sameUnit(a: UnitRecord, b: UnitRecord) {
  return (
    a.code === b.code &&
    a.name === b.name &&
    a.shortName === b.shortName &&
    a.kind === b.kind &&
    a.sortOrder === b.sortOrder &&
    a.active === b.active &&
    sameList(a.keywords, b.keywords) &&
    sameList(a.aliases, b.aliases)
  );
}

function sameUser(a: UserRecord, b: UserRecord) {
  return (
    a.username === b.username &&
    a.name === b.name &&
    a.title === b.title &&
    a.role === b.role &&
    a.unitCode === b.unitCode &&
    a.phone === b.phone &&
    a.active === b.active
  );
}

const sortedSet = (items: readonly string[]) => [...new Set(items)].sort();

/** What writing `incoming` over `current` changes; rows equal to what is stored are left alone. */
export function diffDirectory(incoming: DirectoryImport, current: Directory): DirectoryChanges {
  const units = new Map(current.units.map((unit) => [unit.code, unit]));
  const users = new Map(current.users.map((user) => [user.username, user]));
  const leaders = new Map(current.leaders.map((leader) => [leader.username, leader]));
  // New units without an order go after the last one, in sheet order.
  let nextOrder = Math.max(-1, ...current.units.map((unit) => unit.sortOrder), ...incoming.units.map((unit) => unit.sortOrder ?? -1)) + 1;

  const changes: DirectoryChanges = {
    units: { create: [], update: [], unchanged: 0 },
    users: { create: [], update: [], unchanged: 0 },
    leaders: { update: [], unchanged: 0 },
  };
  for (const { row: _row, ...unit } of incoming.units) {
    const before = units.get(unit.code);
    const after: UnitRecord = { ...unit, sortOrder: unit.sortOrder ?? before?.sortOrder ?? nextOrder++ };
    if (!before) changes.units.create.push(after);
    else if (sameUnit(before, after)) changes.units.unchanged++;
    else changes.units.update.push({ before, after });
  }
  for (const { row: _row, initialPassword, ...user } of incoming.users) {
    const before = users.get(user.username);
    if (!before) changes.users.create.push({ ...user, initialPassword });
    else if (sameUser(before, user)) changes.users.unchanged++;
    else changes.users.update.push({ before, after: user });
  }
  for (const { row: _row, ...leader } of incoming.leaders) {
    const before = leaders.get(leader.username) ?? { username: leader.username, unitCodes: [] };
    if (sameList(sortedSet(before.unitCodes), sortedSet(leader.unitCodes))) changes.leaders.unchanged++;
    else changes.leaders.update.push({ before, after: leader });
  }
  return changes;
}
