import type { EChartsOption } from 'echarts';
import { EChart } from '@/app/_components/echart';
import { scoreBands } from '@/lib/core/assessment/score-bands';

/** How many units scored in each 10-point band (the final scores). */
export function ScoreDistributionChart({ scores }: { scores: { unit: string; score: number }[] }) {
  const bands = scoreBands(scores.map((s) => s.score));
  const option: EChartsOption = {
    grid: { left: 36, right: 12, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: bands.map((band) => band.label) },
    yAxis: { type: 'value', minInterval: 1, name: '单位数' },
    series: [{ type: 'bar', data: bands.map((band) => band.count), itemStyle: { color: '#b4231a' }, label: { show: true, position: 'top' } }],
  };
  return (
    <section className="panel">
      <h2>得分分布</h2>
      <EChart option={option} label={`得分分布：${bands.map((band) => `${band.label} ${band.count}个`).join('，')}`} />
    </section>
  );
}
