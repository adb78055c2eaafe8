import Link from 'next/link';
import type { EChartsOption } from 'echarts';
import { EChart } from '@/app/_components/echart';
import { formatRate, type UnitTaskStats } from '@/lib/core/ranking/score-units';

type UnitRow = UnitTaskStats & { onTimeRate: number | null };

const STACK = [
  { key: 'red', name: '红', color: '#c0392b' },
  { key: 'yellow', name: '黄', color: '#d4a017' },
  { key: 'green', name: '绿', color: '#2e8b57' },
  { key: 'done', name: '已完成', color: '#7f8c8d' },
] as const;

/** Completion by unit: one stacked bar per unit, red / yellow / green / done. */
function completionOption(units: UnitRow[]): EChartsOption {
  const shown = [...units].reverse(); // the first unit on top
  return {
    grid: { left: 8, right: 12, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((u) => u.unitName) },
    series: STACK.map((s) => ({ type: 'bar', stack: 'lights', name: s.name, data: shown.map((u) => u[s.key]), itemStyle: { color: s.color } })),
  };
}

/** By-unit summary: counts by light and on-time rate, with a stacked bar per unit (ECharts). */
export function UnitSummary({ units }: { units: UnitRow[] }) {
  if (units.length === 0) return <p className="muted">暂无分管单位。</p>;
  return (
    <>
      <EChart option={completionOption(units)} label={`分管单位三色分布：${units.map((u) => `${u.unitName}红${u.red}黄${u.yellow}绿${u.green}已完成${u.done}`).join('，')}`} tall={units.length > 6} />
      <div className="table-wrap" style={{ marginTop: '0.75rem' }}>
        <table className="cards" aria-label="分管单位汇总">
          <thead>
            <tr>
              <th>单位</th>
              <th>任务</th>
              <th>红</th>
              <th>黄</th>
              <th>绿</th>
              <th>已完成</th>
              <th>逾期</th>
              <th>按时完成率</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.unitId} data-testid="unit-summary-row">
                <td className="title-cell">
                  <Link href={`/tasks?unitId=${unit.unitId}`}>{unit.unitName}</Link>
                </td>
                <td data-label="任务">{unit.total}</td>
                <td data-label="红">{unit.red}</td>
                <td data-label="黄">{unit.yellow}</td>
                <td data-label="绿">{unit.green}</td>
                <td data-label="已完成">{unit.done}</td>
                <td data-label="逾期">{unit.overdue}</td>
                <td data-label="按时完成率">{formatRate(unit.onTimeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">按时完成率 = 按期销号的任务 ÷（已销号 + 逾期未完成）；暂无到期任务的单位显示“—”。</p>
    </>
  );
}
