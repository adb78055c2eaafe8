import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { getAssessment } from '@/lib/server/assessment/get-assessment';
import { getAssessmentScheme } from '@/lib/server/assessment/get-assessment-scheme';
import { ASSESSMENT_STATUS_LABELS } from '@/lib/server/assessment/assessment-rows';
import { getInstallationSettings } from '@/lib/server/settings/installation-settings';
import { assessmentParamsSchema } from '@/lib/core/schemas/assessment';
import { describeScheme } from '@/lib/core/assessment/scheme';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';
import { AdjustForm, RunAssessmentForm, StepForm } from './assessment-forms';
import { PointsBreakdown } from './points-breakdown';
import { ScoreDistributionChart } from './score-distribution-chart';
import { PointsBreakdownChart } from './points-breakdown-chart';
import './assessment.css';
import { YearSelect } from '@/app/_components/year-select';

export const metadata: Metadata = { title: '年终考核' };

export default async function AssessmentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!can(user, 'assessment.view')) notFound();
  const currentYear = (await getInstallationSettings()).workingYear;
  const year = assessmentParamsSchema.parse(await searchParams).year ?? currentYear;
  const [assessment, { scheme }] = await Promise.all([getAssessment({ user, year }), getAssessmentScheme({ user, year })]);
  const manage = can(user, 'assessment.manage');
  const today = shanghaiIsoDate(new Date());
  const asOf = assessment?.asOf ?? (today < `${year}-12-31` ? today : `${year}-12-31`);
  const scored = assessment?.rows.filter((row) => row.finalScore !== null) ?? [];

  return (
    <div className="assessment">
      <div className="page-head">
        <h1>{year}年度年终考核</h1>
        <form className="actions" method="get">
          <YearSelect year={year} currentYear={currentYear} />
          <button type="submit" className="secondary">
            查看
          </button>
        </form>
      </div>

      <section className="panel">
        <p>
          考核办法：<strong>{(assessment?.scheme ?? scheme).name}</strong>
          {manage && assessment?.status !== 'PUBLISHED' && (
            <>
              {' '}
              <Link href={`/assessment/scheme?year=${year}`}>设置考核办法</Link>
            </>
          )}
        </p>
        <p className="muted small">{describeScheme(assessment?.scheme ?? scheme)}。依据各单位已签署（含经重新签署的修订版）承诺书所列任务和指标计分，签署后新增或撤销的任务单列、不计分。</p>
        {assessment && (
          <p>
            状态：<strong data-testid="assessment-status">{ASSESSMENT_STATUS_LABELS[assessment.status]}</strong>；考核截止 {assessment.asOf}；计算于 {formatShanghaiDateTime(assessment.computedAt)}
            {assessment.approvedByName && `；${assessment.approvedByName}审定于 ${formatShanghaiDateTime(assessment.approvedAt!)}`}
            {assessment.publishedAt && `；公布于 ${formatShanghaiDateTime(assessment.publishedAt)}`}
          </p>
        )}
        {assessment?.status === 'PUBLISHED' && (
          <p className="small seal">
            {assessment.intact ? '已锁定并由县级密钥签章，核验一致。' : <strong className="field-error">核验失败：{assessment.problems.join('；')}</strong>} SHA-256：
            <span className="mono">{assessment.contentHash}</span>
          </p>
        )}
        <div className="actions">
          {manage && assessment?.status !== 'PUBLISHED' && <RunAssessmentForm year={year} asOf={asOf} rerun={assessment !== null} />}
          {assessment && can(user, 'assessment.approve') && assessment.status === 'DRAFT' && <StepForm year={year} version={assessment.version} step="approve" />}
          {assessment && manage && assessment.status === 'APPROVED' && <StepForm year={year} version={assessment.version} step="publish" />}
          {assessment && (
            <>
              <a className="button secondary" href={`/api/assessment/${year}/xlsx`} download>
                导出 Excel
              </a>
              <a className="button secondary" href={`/api/assessment/${year}/pdf`} download>
                下载 PDF
              </a>
              <Link className="button secondary" href={`/assessment/print?year=${year}`}>
                打印
              </Link>
            </>
          )}
        </div>
      </section>

      {!assessment ? (
        <p className="panel muted">{manage ? '尚未计算本年度考核结果。' : '督查室尚未计算本年度考核结果。'}</p>
      ) : (
        <>
          {scored.length > 0 && <ScoreDistributionChart scores={scored.map((row) => ({ unit: row.unitName, score: row.finalScore! }))} />}
          <div className="table-wrap">
            <table className="cards" aria-label="考核结果">
              <thead>
                <tr>
                  <th>名次</th>
                  <th>单位</th>
                  <th>计算得分</th>
                  <th>调整</th>
                  <th>最终得分</th>
                  <th>承诺书</th>
                  <th>计分任务</th>
                  <th>单列任务</th>
                </tr>
              </thead>
              <tbody>
                {assessment.rows.map((row) => (
                  <tr key={row.unitId} data-testid="assessment-row">
                    <td data-label="名次">{row.rank ?? '—'}</td>
                    <td className="title-cell">{row.unitName}</td>
                    <td data-label="计算得分">{row.score ?? '—'}</td>
                    <td data-label="调整">{row.adjustment ? `${row.adjustment.points > 0 ? '+' : ''}${row.adjustment.points}（${row.adjustment.reason}）` : '—'}</td>
                    <td data-label="最终得分">
                      <strong>{row.finalScore ?? '—'}</strong>
                    </td>
                    <td data-label="承诺书">{row.letter ? `第${row.letter.version}版` : <span className="field-error">无已签署承诺书，未计分</span>}</td>
                    <td data-label="计分任务">{row.letter ? row.taskCount : '—'}</td>
                    <td data-label="单列任务">{row.apart.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {scored.length > 0 && <PointsBreakdownChart rows={scored} />}
          <section className="panel">
            <h2>得分明细</h2>
            {scored.map((row) => (
              <details key={row.unitId} className="unit-points">
                <summary>
                  {row.rank}. {row.unitName}：{row.finalScore}分
                </summary>
                <PointsBreakdown row={row} />
              </details>
            ))}
          </section>
          {manage && assessment.status !== 'PUBLISHED' && scored.length > 0 && (
            <AdjustForm year={year} version={assessment.version} units={scored.map((row) => ({ id: row.unitId, name: row.unitName }))} />
          )}
        </>
      )}
    </div>
  );
}
