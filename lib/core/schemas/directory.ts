// Inputs of the organisation pages (单位, 人员, 分管) and their list URLs. The workbook import
// validates its cells with the same field schemas (lib/core/directory/validate-directory.ts).
import { z } from 'zod';
import { idSchema } from '@/lib/core/schemas/common';
import { passwordProblems } from '@/lib/core/auth/password-policy';
import { ROLES, splitList, UNIT_KINDS, UNIT_ROLES } from '@/lib/core/directory/labels';

const LIST_ITEM_MAX = 30;

/** A list typed as one text (or already a list): split on 、，; and line breaks, each item bounded. */
const textList = (what: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null ? [] : typeof value === 'string' ? splitList(value) : value),
    z.array(z.string().trim().min(1).max(LIST_ITEM_MAX, `每个${what}不超过 ${LIST_ITEM_MAX} 个字`)).max(100, `${what}不超过 100 个`),
  );

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const unitFields = {
  code: z
    .string({ error: '请填写编码' })
    .trim()
    .min(1, '请填写编码')
    .max(32, '编码不超过 32 个字符')
    .regex(/^[A-Za-z0-9_-]+$/, '编码只能包含字母、数字、下划线或短横线'),
  name: z.string({ error: '请填写单位全称' }).trim().min(2, '请填写单位全称').max(100, '单位全称不超过 100 个字'),
  shortName: z.string({ error: '请填写简称' }).trim().min(1, '请填写简称').max(50, '简称不超过 50 个字'),
  kind: z.enum(UNIT_KINDS, { error: '类型应为 部门、镇办 或 其他' }),
  sortOrder: z.coerce.number({ error: '排序应为整数' }).int('排序应为整数').min(0, '排序不能为负数').max(99_999, '排序不超过 99999'),
  keywords: textList('职责关键词'),
  aliases: textList('别名'),
};

export const userFields = {
  username: z
    .string({ error: '请填写账号' })
    .trim()
    .min(2, '账号至少 2 个字符')
    .max(64, '账号不超过 64 个字符')
    .regex(/^[A-Za-z0-9_.@-]+$/, '账号只能包含字母、数字及 _ . @ -'),
  name: z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(50, '姓名不超过 50 个字'),
  title: z.preprocess(blankToUndefined, z.string().trim().max(50, '职务不超过 50 个字').optional()),
  role: z.enum(ROLES, { error: '角色应为 督查室、县领导、单位负责人 或 单位联络员' }),
  phone: z.preprocess(blankToUndefined, z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确').optional()),
  // Judged against the account by passwordProblems (the password policy), once the account is known.
  initialPassword: z.preprocess(blankToUndefined, z.string().optional()),
};

const formBoolean = z.preprocess((value) => value === true || value === 'on' || value === '1' || value === 'true', z.boolean());

export const unitInputSchema = z.object({
  ...unitFields,
  // A short name left blank is the full name (most 镇 use the same word for both).
  shortName: z.preprocess(blankToUndefined, unitFields.shortName.optional()),
  active: formBoolean,
});
export type UnitInput = z.infer<typeof unitInputSchema>;

/** An edit carries the `updatedAt` the form was drawn from: a newer row means someone else saved first. */
export const unitUpdateSchema = unitInputSchema.extend({ unitId: idSchema, updatedAt: z.string().min(1) });
export type UnitUpdate = z.infer<typeof unitUpdateSchema>;

const userInputFields = z.object({
  username: userFields.username,
  name: userFields.name,
  title: userFields.title,
  role: userFields.role,
  unitId: z.preprocess(blankToUndefined, idSchema.optional()),
  phone: userFields.phone,
  active: formBoolean,
});

const unitRequired = <T extends { role: (typeof ROLES)[number]; unitId?: string }>(user: T) =>
  !UNIT_ROLES.includes(user.role) || Boolean(user.unitId);
const UNIT_REQUIRED = { message: '单位负责人和联络员必须属于一个单位', path: ['unitId'] };

export const userCreateSchema = userInputFields
  .extend({ initialPassword: userFields.initialPassword })
  .refine(unitRequired, UNIT_REQUIRED)
  .superRefine((user, context) => {
    const problems = user.initialPassword === undefined ? [] : passwordProblems(user.initialPassword, { username: user.username });
    if (problems.length > 0) context.addIssue({ code: 'custom', message: problems.join('；'), path: ['initialPassword'] });
  });
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = userInputFields
  .extend({ userId: idSchema, updatedAt: z.string().min(1) })
  .refine(unitRequired, UNIT_REQUIRED);
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;

export const leaderUnitsSchema = z.object({
  leaderId: idSchema,
  unitIds: z.array(idSchema).max(500, '所选单位过多'),
});
export type LeaderUnitsInput = z.infer<typeof leaderUnitsSchema>;

// ——— List URLs: bad values fall back to defaults, so an edited link still shows a list. ———

export const DIRECTORY_PAGE_SIZES = [20, 50, 100] as const;
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const searchText = z
  .preprocess(first, z.string().optional())
  .transform((v) => v?.trim().slice(0, 50) || undefined)
  .catch(undefined);
const activeFilter = z.preprocess(first, z.enum(['1', '0']).optional()).catch(undefined);

function listParams<const S extends readonly [string, ...string[]]>(sorts: S) {
  return {
    q: searchText,
    active: activeFilter,
    page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
    pageSize: z
      .preprocess(first, z.coerce.number().pipe(z.union(DIRECTORY_PAGE_SIZES.map((size) => z.literal(size)))))
      .catch(20),
    sort: z.preprocess(first, z.enum(sorts)).catch(sorts[0]),
    dir: z.preprocess(first, z.enum(['asc', 'desc'])).catch('asc'),
  };
}

export const UNIT_LIST_SORTS = ['sortOrder', 'code', 'name', 'kind', 'updatedAt'] as const;
export const unitListParamsSchema = z.object({
  ...listParams(UNIT_LIST_SORTS),
  kind: z.preprocess(first, z.enum(UNIT_KINDS).optional()).catch(undefined),
});
export type UnitListParams = z.infer<typeof unitListParamsSchema>;

export const USER_LIST_SORTS = ['unit', 'username', 'name', 'role', 'updatedAt'] as const;
export const userListParamsSchema = z.object({
  ...listParams(USER_LIST_SORTS),
  role: z.preprocess(first, z.enum(ROLES).optional()).catch(undefined),
});
export type UserListParams = z.infer<typeof userListParamsSchema>;

/**
 * The query string of a list's `params` with `changes` applied, leaving out defaults so links stay
 * short. Changing anything but the page goes back to page 1.
 */
export function directoryListQuery<P extends { page: number }>(params: P, defaults: P, changes: Partial<P> = {}): string {
  const next: P = { ...params, ...('page' in changes ? {} : { page: 1 }), ...changes };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value !== undefined && value !== defaults[key as keyof P]) query.set(key, String(value));
  }
  return query.toString();
}
