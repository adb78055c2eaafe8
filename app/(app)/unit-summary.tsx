import Link from 'next/link';
import { formatRate, type UnitTaskStats } from '@/lib/core/ranking/score-units';

type UnitRow = UnitTaskStats & { onTimeRate: number | null };

const pct = (part: number, total: number) => (total === 0 ? 0 : (part * 100) / total);

/** By-unit summary: counts by light and on-time rate, with a stacked bar per unit (CSS only). */
export function UnitSummary({ units }: { units: UnitRow[] }) {
  if (units.length === 0) return <p className="muted">暂无分管单位。</p>;
  const widest = Math.max(1, ...units.map((u) => u.total));
  return (
    <>
      <ul className="light-chart" aria-label="分管单位三色分布">
        {units.map((unit) => (
          <li key={unit.unitId}>
            <span>{unit.unitName}</span>
            <span
              className="bar"
              role="img"
              style={{ width: `${Math.max(4, pct(unit.total, widest))}%` }}
              aria-label={`${unit.unitName}：红${unit.red} 黄${unit.yellow} 绿${unit.green} 已完成${unit.done}`}
            >
              <span className="red" style={{ width: `${pct(unit.red, unit.total)}%` }} />
              <span className="yellow" style={{ width: `${pct(unit.yellow, unit.total)}%` }} />
              <span className="green" style={{ width: `${pct(unit.green, unit.total)}%` }} />
              <span className="done" style={{ width: `${pct(unit.done, unit.total)}%` }} />
            </span>
            <span className="small muted">{unit.total}</span>
          </li>
        ))}
      </ul>
      <div className="legend">
        <span><span className="dot red" /> 红</span>
        <span><span className="dot yellow" /> 黄</span>
        <span><span className="dot green" /> 绿</span>
        <span><span className="dot" /> 已完成</span>
      </div>
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
