import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { getAssessmentScheme } from '@/lib/server/assessment/get-assessment-scheme';
import { getInstallationSettings } from '@/lib/server/settings/installation-settings';
import { assessmentParamsSchema } from '@/lib/core/schemas/assessment';
import { describeScheme, SHIPPED_SCHEMES } from '@/lib/core/assessment/scheme';
import { SCHEME_FIELD_GROUPS, schemeFieldValue } from '@/lib/core/assessment/scheme-form';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { ReplaceSchemeForm, SchemeForm } from '../assessment-forms';
import '../assessment.css';

export const metadata: Metadata = { title: '考核办法' };

export default async function AssessmentSchemePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!can(user, 'assessment.manage')) notFound();
  const year = assessmentParamsSchema.parse(await searchParams).year ?? (await getInstallationSettings()).workingYear;
  const stored = await getAssessmentScheme({ user, year });
  const groups = SCHEME_FIELD_GROUPS.map((group) => ({
    ...group,
    fields: group.fields.map((field) => ({ ...field, value: schemeFieldValue(stored.scheme, field.path) })),
  }));

  return (
    <div className="assessment">
      <div className="page-head">
        <h1>{year}年度考核办法</h1>
        <div className="actions">
          <a className="button secondary" href={`/api/assessment/${year}/scheme`} download>
            导出考核办法
          </a>
          <Link className="button secondary" href={`/assessment?year=${year}`}>
            返回考核结果
          </Link>
        </div>
      </div>
      <p className="muted small">
        {stored.version === 0 ? '本年度尚未设置，以下为系统默认办法。' : `第${stored.version}次修改，${stored.updatedByName ?? ''}于 ${formatShanghaiDateTime(stored.updatedAt!)}。`}
        {describeScheme(stored.scheme)}。修改后须重新计算考核结果；已公布的结果不受影响。
      </p>
      <SchemeForm year={year} version={stored.version} name={stored.scheme.name} groups={groups} />
      <ReplaceSchemeForm year={year} version={stored.version} shipped={SHIPPED_SCHEMES.map((scheme) => scheme.name)} />
    </div>
  );
}
