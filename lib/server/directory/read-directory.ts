import 'server-only';
import type { Db, Tx } from '@/lib/server/db';
import type { Directory } from '@/lib/core/directory/directory-data';

/**
 * The stored directory as records keyed by unit code and account (what the workbook holds), with
 * the ids behind them. Units in their order; people by unit order, role and account; each
 * leader's units in unit order. Callers check `user.manage` first.
 */
export async function readDirectory(client: Db | Tx) {
  const [units, users, links] = await Promise.all([
    client.unit.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    client.user.findMany({
      select: { id: true, username: true, name: true, title: true, role: true, phone: true, active: true, unit: { select: { code: true, sortOrder: true } } },
    }),
    client.leaderUnit.findMany({ select: { leader: { select: { username: true } }, unit: { select: { code: true, sortOrder: true } } } }),
  ]);
  const roleOrder = { ADMIN: 0, LEADER: 1, UNIT_HEAD: 2, UNIT_STAFF: 3 } as const;
  users.sort(
    (a, b) =>
      (a.unit?.sortOrder ?? -1) - (b.unit?.sortOrder ?? -1) || roleOrder[a.role] - roleOrder[b.role] || a.username.localeCompare(b.username),
  );
  links.sort((a, b) => a.unit.sortOrder - b.unit.sortOrder || a.unit.code.localeCompare(b.unit.code));
  const leaderUnits = new Map<string, string[]>();
  for (const link of links) leaderUnits.set(link.leader.username, [...(leaderUnits.get(link.leader.username) ?? []), link.unit.code]);

  const directory: Directory = {
    units: units.map((unit) => ({
      code: unit.code,
      name: unit.name,
      shortName: unit.shortName,
      kind: unit.kind,
      sortOrder: unit.sortOrder,
      active: unit.active,
      keywords: unit.keywords,
      aliases: unit.aliases,
    })),
    users: users.map((user) => ({
      username: user.username,
      name: user.name,
      title: user.title,
      role: user.role,
      unitCode: user.unit?.code ?? null,
      phone: user.phone,
      active: user.active,
    })),
    leaders: users
      .filter((user) => leaderUnits.has(user.username))
      .map((user) => ({ username: user.username, unitCodes: leaderUnits.get(user.username)! })),
  };
  return {
    directory,
    unitIds: new Map(units.map((unit) => [unit.code, unit.id])),
    userIds: new Map(users.map((user) => [user.username, user.id])),
  };
}
