/**
 * How a quantified target (量化指标) compares its actual value with the planned value.
 * Shared by progress scoring and commitment letters so both read targets the same way.
 */

export const TARGET_COMPARATORS = ['>=', '>', '=', '≈', '<=', '<', 'range'] as const;
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];

export const TARGET_COMPARATOR_LABELS: Record<TargetComparator, string> = {
  '>=': '不低于',
  '>': '高于',
  '=': '达到',
  '≈': '左右',
  '<=': '不超过',
  '<': '低于',
  range: '区间',
};

const COMPARATOR_SYMBOLS: Record<Exclude<TargetComparator, 'range'>, string> = { '>=': '≥', '>': '>', '=': '=', '≈': '≈', '<=': '≤', '<': '<' };

/** A comparator as a form's 比较方式 select offers it: ≥ 不低于, ≤ 不超过, 区间. */
export function comparatorOptionLabel(comparator: TargetComparator): string {
  return comparator === 'range' ? TARGET_COMPARATOR_LABELS.range : `${COMPARATOR_SYMBOLS[comparator]} ${TARGET_COMPARATOR_LABELS[comparator]}`;
}

export function isTargetComparator(value: unknown): value is TargetComparator {
  return typeof value === 'string' && (TARGET_COMPARATORS as readonly string[]).includes(value);
}

/** Limits such as 控制在…以内: the target is met by staying at or below the value. */
export function isUpperLimit(comparator: TargetComparator): boolean {
  return comparator === '<=' || comparator === '<';
}

// The database stores comparators as enum names; the pure core and the parser use the symbols.
export const COMPARATOR_TO_DB = {
  '>=': 'GTE',
  '>': 'GT',
  '=': 'EQ',
  '≈': 'APPROX',
  '<=': 'LTE',
  '<': 'LT',
  range: 'RANGE',
} as const satisfies Record<TargetComparator, string>;

export type DbComparator = (typeof COMPARATOR_TO_DB)[TargetComparator];

export const COMPARATOR_FROM_DB = Object.fromEntries(
  Object.entries(COMPARATOR_TO_DB).map(([symbol, name]) => [name, symbol]),
) as Record<DbComparator, TargetComparator>;
