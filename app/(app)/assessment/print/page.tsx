import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { getAssessment } from '@/lib/server/assessment/get-assessment';
import { ASSESSMENT_STATUS_LABELS } from '@/lib/server/assessment/assessment-rows';
import { getInstallationSettings } from '@/lib/server/settings/installation-settings';
import { assessmentParamsSchema } from '@/lib/core/schemas/assessment';
import { describeScheme } from '@/lib/core/assessment/scheme';
import { formatChineseDate } from '@/lib/core/format/date-time';
import { PrintButton } from '@/app/_components/print-button';
import { PointsBreakdown } from '../points-breakdown';
import '../assessment.css';
import './print.css';

export const metadata: Metadata = { title: '年终考核结果（打印）' };

/** The year's results on A4: ranking table, then each unit's points; the source of the PDF. */
export default async function AssessmentPrintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!can(user, 'assessment.view')) notFound();
  const settings = await getInstallationSettings();
  const year = assessmentParamsSchema.parse(await searchParams).year ?? settings.workingYear;
  const assessment = await getAssessment({ user, year });
  if (!assessment) notFound();

  return (
    <>
      <div className="print-toolbar no-print">
        <PrintButton />
      </div>
      <article className="assessment assessment-print" data-assessment-year={year}>
        <h1>{year}年度目标责任考核结果</h1>
        <p className="print-meta">
          考核截止 {assessment.asOf}；{ASSESSMENT_STATUS_LABELS[assessment.status]}
          {assessment.approvedByName && `；审定：${assessment.approvedByName}`}
          {assessment.publishedAt && `；公布：${formatChineseDate(assessment.publishedAt)}`}
        </p>
        <p className="print-meta">
          考核办法：{assessment.scheme.name}。{describeScheme(assessment.scheme)}
        </p>
        <table className="print-table">
          <thead>
            <tr>
              <th>名次</th>
              <th>单位</th>
              <th>计算得分</th>
              <th>调整</th>
              <th>最终得分</th>
              <th>承诺书</th>
            </tr>
          </thead>
          <tbody>
            {assessment.rows.map((row) => (
              <tr key={row.unitId}>
                <td>{row.rank ?? '—'}</td>
                <td>{row.unitName}</td>
                <td>{row.score ?? '—'}</td>
                <td>{row.adjustment ? row.adjustment.points : '—'}</td>
                <td>{row.finalScore ?? '—'}</td>
                <td>{row.letter ? `第${row.letter.version}版` : '无已签署承诺书'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>得分明细</h2>
        {assessment.rows
          .filter((row) => row.finalScore !== null)
          .map((row) => (
            <section key={row.unitId} className="print-unit">
              <h3>
                {row.rank}. {row.unitName}　{row.finalScore}分
              </h3>
              <PointsBreakdown row={row} />
            </section>
          ))}
        <footer className="print-meta">
          {settings.countyName}　{formatChineseDate(assessment.publishedAt ?? assessment.computedAt)}
          {assessment.contentHash && (
            <>
              <br />
              SHA-256 <span className="mono">{assessment.contentHash}</span>
            </>
          )}
        </footer>
      </article>
    </>
  );
}
