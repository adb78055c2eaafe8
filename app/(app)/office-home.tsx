import Link from 'next/link';
import type { OfficeDashboard } from '@/lib/server/dashboard/get-office-dashboard';
import { formatRate } from '@/lib/core/ranking/score-units';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { periodLabel } from '@/lib/core/schedule/cadence';
import { HomeStats } from './home-stats';

function Queue({ title, count, over = false, children, testId }: { title: string; count: number; over?: boolean; children: React.ReactNode; testId: string }) {
  return (
    <section className="panel queue" aria-label={title} data-testid={testId}>
      <h2>
        {title} <span className={`count${count === 0 ? ' zero' : ''}`}>{over ? `${count}+` : count}</span>
      </h2>
      {count === 0 ? <p className="muted">暂无。</p> : <ul>{children}</ul>}
      {count > 10 && <p className="muted small">仅列出最早的10项。</p>}
    </section>
  );
}

type TaskSummary = { id: string; code: string; title: string; leadUnit: { shortName: string } };
const TaskLink = ({ task }: { task: TaskSummary }) => <Link href={`/tasks/${task.id}`}>{task.title}</Link>;

/** 督查工作台: what waits for the office, and how the units stand. */
export function OfficeHome({ data }: { data: OfficeDashboard }) {
  const top = data.ranking.slice(0, 5);
  const bottom = data.ranking.length > 10 ? data.ranking.slice(-5) : [];
  return (
    <>
      <HomeStats counts={data.counts} />
      <div className="grid">
        <Queue title="待审核进度" count={data.reports.count} over={data.reports.over} testId="queue-reports">
          {data.reports.rows.map((r) => (
            <li key={r.id}>
              <TaskLink task={r.task} />
              <div className="muted small">
                {r.unit.shortName} · {periodLabel(r.periodKey)} · {r.percent}% · {formatShanghaiDateTime(r.createdAt)}
              </div>
            </li>
          ))}
        </Queue>
        <Queue title="销号申请" count={data.closures.count} over={data.closures.over} testId="queue-closures">
          {data.closures.rows.map((r) => (
            <li key={r.id}>
              <TaskLink task={r.task} />
              <div className="muted small">
                {r.unit.shortName} · {formatShanghaiDateTime(r.createdAt)}
              </div>
            </li>
          ))}
        </Queue>
        <Queue title="延期申请" count={data.extensions.count} testId="queue-extensions">
          {data.extensions.rows.map((e) => (
            <li key={e.id}>
              <TaskLink task={e.task} />
              <div className="muted small">
                {e.task.leadUnit.shortName} · {e.previousDeadline} → {e.requestedDeadline}
              </div>
            </li>
          ))}
        </Queue>
        <Queue title="未答复督办" count={data.supervisions.count} testId="queue-supervisions">
          {data.supervisions.rows.map((s) => (
            <li key={s.id}>
              <TaskLink task={s.task} />
              <div className="small">
                {s.recipientUnit?.shortName ?? s.task.leadUnit.shortName} · 答复期限 {s.responseDue}{' '}
                {s.overdue && <span className="badge red">已超期</span>}
              </div>
            </li>
          ))}
        </Queue>
      </div>
      <section className="panel" aria-label="单位排名">
        <h2>{data.year}年单位排名</h2>
        {data.ranking.length > 0 && (
          <p className="muted small" data-testid="ranking-widget-shows">
            {data.ranking.length <= 5 ? `全部${data.ranking.length}个单位` : bottom.length > 0 ? `前5名与后5名（共${data.ranking.length}个单位）` : `前5名（共${data.ranking.length}个单位）`}
            ，按考核办法“{data.rankingScheme}”计分
          </p>
        )}
        {data.ranking.length === 0 ? (
          <p className="muted">本年度暂无任务。</p>
        ) : (
          <div className="table-wrap">
            <table className="cards">
              <thead>
                <tr>
                  <th>名次</th>
                  <th>单位</th>
                  <th>得分</th>
                  <th>按时完成率</th>
                  <th>逾期</th>
                </tr>
              </thead>
              <tbody>
                {[...top, ...bottom].map((unit) => (
                  <tr key={unit.unitId}>
                    <td data-label="名次">{unit.rank}</td>
                    <td className="title-cell">{unit.unitName}</td>
                    <td data-label="得分">{unit.score}</td>
                    <td data-label="按时完成率">{formatRate(unit.onTimeRate)}</td>
                    <td data-label="逾期">{unit.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <Link href="/ranking">完整排名</Link> · <Link href="/bulletins">月度通报</Link>
        </p>
      </section>
    </>
  );
}
