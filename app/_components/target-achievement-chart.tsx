import type { EChartsOption } from 'echarts';
import { EChart } from '@/app/_components/echart';

export interface TargetAchievementRow {
  /** What the bar is named by: the metric (on a task) or task and metric (for a unit). */
  name: string;
  /** Completion 0–100 (lib/core/schedule/progress.ts targetCompletion). */
  completion: number;
  actual: number | null;
  unit: string;
  /** The goal in words (lib/core/targets/target-text.ts). */
  goal: string;
}

const detailOf = (row: TargetAchievementRow) => `实际${row.actual === null ? '未报送' : `${row.actual}${row.unit}`}（目标${row.goal}）`;

const colorOf = (completion: number) => (completion >= 100 ? '#2e8b57' : completion >= 60 ? '#d4a017' : '#c0392b');

/** Numeric targets' achievement: one bar per target, actual as a share of its target (0–100 %), the figures in the label. */
export function TargetAchievementChart({ rows, label }: { rows: TargetAchievementRow[]; label: string }) {
  const shown = [...rows].reverse(); // the first target on top
  const option: EChartsOption = {
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: '{b}：{c}%' },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: shown.map((row) => row.name), axisLabel: { width: 96, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: shown.map((row) => ({ value: Math.round(row.completion), itemStyle: { color: colorOf(row.completion) } })),
        label: { show: true, position: 'insideLeft', formatter: '{c}%', color: '#fff' },
        markLine: { silent: true, symbol: 'none', data: [{ xAxis: 100 }], lineStyle: { color: '#555', type: 'dashed' }, label: { show: false } },
      },
    ],
  };
  return (
    <EChart
      option={option}
      label={`${label}：${rows.map((row) => `${row.name} ${Math.round(row.completion)}%，${detailOf(row)}`).join('；')}`}
      height={Math.max(120, 40 + rows.length * 36)}
    />
  );
}
