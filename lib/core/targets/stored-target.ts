// Targets between the pure core (comparator symbols, plain numbers) and their stored rows
// (comparator enum names, Prisma Decimals).
import { COMPARATOR_FROM_DB, COMPARATOR_TO_DB, type DbComparator, type TargetComparator } from '@/lib/core/targets/comparator';

/** Prisma's Decimal as far as reading it goes, or the plain number a JSON column built in SQL holds. */
type StoredDecimal = { toNumber(): number } | number | null;

export const numberFromDecimal = (value: StoredDecimal) => (value === null ? null : typeof value === 'number' ? value : value.toNumber());

/** A stored target's figure as the core reads it (see target-text.ts and schedule/progress.ts). */
export function storedTargetFigure(row: { comparator: DbComparator; value: StoredDecimal; valueMax: StoredDecimal; unit: string; placeholder: boolean }) {
  return {
    comparator: COMPARATOR_FROM_DB[row.comparator],
    value: numberFromDecimal(row.value),
    valueMax: numberFromDecimal(row.valueMax),
    unit: row.unit,
    placeholder: row.placeholder,
  };
}

/** The rows to store for a task's validated targets, numbered in their order. */
export function targetRows(
  targets: readonly { metric: string; comparator: TargetComparator; value: number | null; valueMax: number | null; unit: string; placeholder: boolean }[],
) {
  return targets.map((target, position) => ({
    position,
    metric: target.metric,
    comparator: COMPARATOR_TO_DB[target.comparator],
    value: target.value,
    valueMax: target.valueMax,
    unit: target.unit,
    placeholder: target.placeholder,
  }));
}
