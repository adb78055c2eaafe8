import type { EChartsOption } from 'echarts';
import { EChart } from '@/app/_components/echart';
import type { MonthLights } from '@/lib/server/dashboard/get-monthly-light-trend';

const SERIES = [
  { key: 'red', name: '红灯', color: '#c0392b' },
  { key: 'yellow', name: '黄灯', color: '#d4a017' },
  { key: 'green', name: '绿灯', color: '#2e8b57' },
  { key: 'closed', name: '已销号', color: '#7f8c8d' },
] as const;

/** 月度趋势: the year's red / yellow / green and closed counts month by month. */
export function LightTrendChart({ year, months }: { year: number; months: MonthLights[] }) {
  if (months.length === 0) return null;
  const option: EChartsOption = {
    grid: { left: 36, right: 12, top: 36, bottom: 28 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: SERIES.map((s) => ({ type: 'line', name: s.name, data: months.map((m) => m[s.key]), itemStyle: { color: s.color }, lineStyle: { color: s.color } })),
  };
  const last = months.at(-1)!;
  return (
    <section className="panel" aria-label="月度趋势">
      <h2>{year}年月度趋势</h2>
      <EChart option={option} label={`${year}年月度趋势，${last.month}：红${last.red} 黄${last.yellow} 绿${last.green} 已销号${last.closed}`} />
      <p className="muted small">每月按月末时点统计本年度任务，本月按今日（每小时更新）；以往月份按当时报送的进度计算序时滞后。</p>
    </section>
  );
}
