import type { EChartsOption } from 'echarts';
import { EChart } from '@/app/_components/echart';
import { POINTS_GROUPS, pointsByGroup } from '@/lib/core/assessment/points-groups';
import type { FinalRow } from '@/lib/core/assessment/result';

const GROUP_COLORS = { rates: '#2e6da4', task: '#2e8b57', deductions: '#c0392b', bonuses: '#d4a017', adjustment: '#7f8c8d' } as const;

/** Each scored unit's points by rule group, one stacked bar per unit in rank order (deductions to the left of 0). */
export function PointsBreakdownChart({ rows }: { rows: FinalRow[] }) {
  const units = rows.map((row) => ({ name: row.unitName, groups: pointsByGroup(row.lines, row.adjustment?.points ?? null) }));
  const shown = [...units].reverse(); // the first-ranked unit on top
  const groups = POINTS_GROUPS.filter((group) => units.some((unit) => unit.groups[group.key] !== 0));
  const option: EChartsOption = {
    grid: { left: 8, right: 12, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: shown.map((unit) => unit.name) },
    series: groups.map((group) => ({
      type: 'bar',
      stack: 'points',
      name: group.label,
      data: shown.map((unit) => unit.groups[group.key]),
      itemStyle: { color: GROUP_COLORS[group.key] },
    })),
  };
  const label = `各单位得分构成：${units.map((unit) => `${unit.name}${groups.map((group) => `${group.label}${unit.groups[group.key]}`).join('、')}`).join('；')}`;
  return (
    <section className="panel">
      <h2>得分构成</h2>
      <EChart option={option} label={label} height={Math.max(200, 60 + units.length * 28)} />
    </section>
  );
}
