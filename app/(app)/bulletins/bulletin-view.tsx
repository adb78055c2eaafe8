import type { BulletinContent } from '@/lib/server/bulletins/build-bulletin';
import { formatRate, SCORE_FORMULA_TEXT } from '@/lib/core/ranking/score-units';

/** The 通报 as a printable A4 document (print CSS in dashboard.css). */
export function BulletinView({ content, note }: { content: BulletinContent; note?: React.ReactNode }) {
  const { totals } = content;
  return (
    <article className="panel bulletin" aria-label="通报">
      <h1>{content.title}</h1>
      <p className="subtitle">
        统计截至 {content.asOf}
        {note}
      </p>

      <h2>一、总体完成情况</h2>
      <p data-testid="bulletin-totals">
        {content.year}年度共有重点任务 {totals.total} 项，已销号 {totals.closed} 项，完成率 {formatRate(totals.completionRate)}；逾期未完成 {totals.overdue} 项。
      </p>

      <h2>二、逾期未完成任务</h2>
      {content.overdue.count === 0 ? (
        <p>无逾期未完成任务。</p>
      ) : (
        <>
          {content.overdue.count > content.overdue.rows.length && (
            <p className="muted small">
              共 {content.overdue.count} 项，以下列出逾期最久的 {content.overdue.rows.length} 项。
            </p>
          )}
          <div className="table-wrap">
            <table className="cards" aria-label="逾期任务">
              <thead>
                <tr>
                  <th>序号</th>
                  <th>任务</th>
                  <th>牵头单位</th>
                  <th>完成时限</th>
                  <th>逾期天数</th>
                </tr>
              </thead>
              <tbody>
                {content.overdue.rows.map((row, index) => (
                  <tr key={row.code} data-testid="bulletin-overdue-row">
                    <td data-label="序号">{index + 1}</td>
                    <td className="title-cell">
                      {row.title}
                      <div className="muted small">{row.code}</div>
                    </td>
                    <td data-label="牵头单位">{row.unit}</td>
                    <td data-label="完成时限">{row.deadline}</td>
                    <td data-label="逾期天数">{row.daysOverdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>三、单位排名</h2>
      {content.ranking.length === 0 ? (
        <p>暂无可排名的单位。</p>
      ) : (
        <div className="table-wrap">
          <table className="cards" aria-label="单位排名">
            <thead>
              <tr>
                <th>名次</th>
                <th>单位</th>
                <th>任务</th>
                <th>已销号</th>
                <th>逾期</th>
                <th>按时完成率</th>
                <th>得分</th>
              </tr>
            </thead>
            <tbody>
              {content.ranking.map((row) => (
                <tr key={row.unit}>
                  <td data-label="名次">{row.rank}</td>
                  <td className="title-cell">{row.unit}</td>
                  <td data-label="任务">{row.total}</td>
                  <td data-label="已销号">{row.closed}</td>
                  <td data-label="逾期">{row.overdue}</td>
                  <td data-label="按时完成率">{formatRate(row.onTimeRate)}</td>
                  <td data-label="得分">{row.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">{content.scheme ? `按${content.year}年度考核办法“${content.scheme.name}”计分：${content.scheme.description}` : SCORE_FORMULA_TEXT}。</p>
    </article>
  );
}
