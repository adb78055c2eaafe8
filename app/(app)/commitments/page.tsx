import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { letterAbilities, seesOwnUnitOnly } from '@/lib/server/auth/abilities';
import { listCommitmentStatus } from '@/lib/server/commitments/list-commitment-status';
import { commitmentListSchema } from '@/lib/core/schemas/commitment';
import { formatChineseDate } from '@/lib/core/format/date-time';
import {
  COMMITMENT_TRACKING_LABELS,
  COMMITMENT_TRACKING_STATES,
  COMMITMENT_TRACKING_TONES,
  type CommitmentTrackingState,
} from '@/lib/core/commitment/tracking';
import { ActionButton } from './commitment-forms';
import { amendAction, generateDraftAction, issueYearAction } from './actions';
import './commitments.css';

export const metadata: Metadata = { title: '目标责任承诺书' };

const SIGNER_LABELS = { UNIT_HEAD: '单位', LEADER: '领导' } as const;

function TrackingBadge({ state }: { state: CommitmentTrackingState }) {
  return (
    <span className={`badge ${COMMITMENT_TRACKING_TONES[state]}`} data-state={state}>
      {COMMITMENT_TRACKING_LABELS[state]}
    </span>
  );
}

export default async function CommitmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = commitmentListSchema.parse(await searchParams);
  const list = await listCommitmentStatus({ user, year: query.year, state: query.state });
  // A unit has one letter a year: its users go straight to it.
  if (seesOwnUnitOnly(user) && user.unitId) redirect(`/commitments/${user.unitId}/${list.year}`);
  const isOffice = can(user, 'commitment.manage');

  return (
    <>
      <div className="page-head">
        <h1>{list.year}年度目标责任承诺书</h1>
        <div className="actions">
          {isOffice && <ActionButton action={issueYearAction} fields={{ year: list.year }} label="一键生成并下发全部单位" pendingText="生成并下发中…" />}
          <Link href="/verify" className="button secondary">
            核验承诺书
          </Link>
        </div>
      </div>

      <div className="stats commitment-stats">
        {COMMITMENT_TRACKING_STATES.map((state) => (
          <Link key={state} href={`/commitments?year=${list.year}&state=${state}`} className={`stat ${COMMITMENT_TRACKING_TONES[state]}`} aria-current={query.state === state ? 'true' : undefined}>
            <div className="value">{list.counts[state]}</div>
            <div className="label">{COMMITMENT_TRACKING_LABELS[state]}</div>
          </Link>
        ))}
      </div>

      <form className="filters" method="get">
        <label>
          年度
          <select name="year" defaultValue={list.year}>
            {list.years.map((year) => (
              <option key={year} value={year}>
                {year}年
              </option>
            ))}
          </select>
        </label>
        <label>
          状态
          <select name="state" defaultValue={query.state ?? ''}>
            <option value="">全部</option>
            {COMMITMENT_TRACKING_STATES.map((state) => (
              <option key={state} value={state}>
                {COMMITMENT_TRACKING_LABELS[state]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="secondary">
          筛选
        </button>
      </form>

      <div className="table-wrap">
        <table data-testid="commitment-tracking">
          <thead>
            <tr>
              <th>责任单位</th>
              <th>牵头 / 配合任务</th>
              <th>版本</th>
              <th>状态</th>
              <th>签署情况</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  没有符合条件的单位
                </td>
              </tr>
            )}
            {list.rows.map((row) => {
              const letterHref = `/commitments/${row.unit.id}/${list.year}`;
              const key = { unitId: row.unit.id, year: list.year };
              return (
                <tr key={row.unit.id} data-unit={row.unit.code}>
                  <td>
                    <Link href={letterHref}>{row.unit.name}</Link>
                  </td>
                  <td>
                    {row.leadTaskCount} / {row.coTaskCount}
                  </td>
                  <td>{row.latest ? `第${row.latest.version}版` : '—'}</td>
                  <td>
                    <TrackingBadge state={row.state} />
                  </td>
                  <td className="small">
                    {row.latest?.signatures.length
                      ? row.latest.signatures.map((s) => (
                          <div key={s.signerRole}>
                            {SIGNER_LABELS[s.signerRole]}：{s.signerName} {formatChineseDate(s.signedAt)}
                          </div>
                        ))
                      : '—'}
                  </td>
                  <td>
                    <div className="actions">
                      {isOffice && (row.state === 'draft' || (row.state === 'none' && row.leadTaskCount + row.coTaskCount > 0)) && (
                        <ActionButton
                          action={generateDraftAction}
                          fields={key}
                          label={row.state === 'none' ? '生成草稿' : '刷新草稿'}
                          pendingText="生成中…"
                          secondary={row.state === 'draft'}
                        />
                      )}
                      {isOffice && row.state === 'outdated' && <ActionButton action={amendAction} fields={key} label="修订" pendingText="生成中…" />}
                      {row.latest && (
                        <Link href={letterHref} className="button secondary">
                          {letterAbilities(user, { unitId: row.unit.id, status: row.latest.status }).countersign ? '会签' : '查看'}
                        </Link>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">共 {list.total} 个单位。任务或指标在签署后发生变化（修改、撤销、拆分或改派）的承诺书显示为“需重新签署”，由督查室修订后重新签署。</p>
    </>
  );
}
