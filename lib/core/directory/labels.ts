// The directory's vocabulary: roles and unit kinds with the Chinese words an office writes.
// Values match the Prisma `Role` and `UnitKind` enums.

export const ROLES = ['ADMIN', 'LEADER', 'UNIT_HEAD', 'UNIT_STAFF'] as const;
export type DirectoryRole = (typeof ROLES)[number];

export const ROLE_LABELS: Record<DirectoryRole, string> = {
  ADMIN: '督查室',
  LEADER: '县领导',
  UNIT_HEAD: '单位负责人',
  UNIT_STAFF: '单位联络员',
};

/** Roles whose users belong to a unit and see its tasks. */
export const UNIT_ROLES: readonly DirectoryRole[] = ['UNIT_HEAD', 'UNIT_STAFF'];

export const UNIT_KINDS = ['DEPARTMENT', 'TOWNSHIP', 'OTHER'] as const;
export type DirectoryUnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<DirectoryUnitKind, string> = {
  DEPARTMENT: '部门',
  TOWNSHIP: '镇办',
  OTHER: '其他',
};

/** Keywords and aliases are kept as lists and written as one text joined by 、. */
export const LIST_SEPARATOR = '、';

/** A typed list (、，,;； or line breaks between items): trimmed, blanks and repeats dropped, order kept. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[、，,;；\n\r]+/).map((item) => item.trim()).filter(Boolean))];
}

export function joinList(items: readonly string[]): string {
  return items.join(LIST_SEPARATOR);
}
