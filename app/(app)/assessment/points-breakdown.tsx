import { SCORE_RULE_LABELS } from '@/lib/core/assessment/score';
import { TASK_APART_LABELS, type FinalRow } from '@/lib/core/assessment/result';

/** Every point of one unit's score: the rule, the task and the evidence; then the adjustment and the tasks not counted. */
export function PointsBreakdown({ row }: { row: FinalRow }) {
  return (
    <>
      <table className="points-lines" aria-label={`${row.unitName}得分明细`}>
        <thead>
          <tr>
            <th>规则</th>
            <th>分值</th>
            <th>依据</th>
          </tr>
        </thead>
        <tbody>
          {row.lines.map((line, index) => (
            <tr key={index}>
              <td>{SCORE_RULE_LABELS[line.rule]}</td>
              <td className="num">{line.points > 0 ? `+${line.points}` : line.points}</td>
              <td>{line.evidence}</td>
            </tr>
          ))}
          {row.adjustment && (
            <tr>
              <td>督查室调整</td>
              <td className="num">{row.adjustment.points > 0 ? `+${row.adjustment.points}` : row.adjustment.points}</td>
              <td>
                {row.adjustment.reason}（{row.adjustment.byName}）
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {row.apart.length > 0 && (
        <ul className="small">
          {row.apart.map((task) => (
            <li key={task.taskId}>
              {task.title}：{TASK_APART_LABELS[task.reason]}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
