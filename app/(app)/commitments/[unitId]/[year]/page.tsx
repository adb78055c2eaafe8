import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '@/lib/server/auth/session';
import { letterAbilities, seesOwnUnitOnly } from '@/lib/server/auth/abilities';
import { orNotFound } from '@/lib/server/page-guard';
import { getCommitment } from '@/lib/server/commitments/get-commitment';
import { checkCommitmentCurrency } from '@/lib/server/commitments/check-commitment-currency';
import { commitmentYearSchema } from '@/lib/core/schemas/commitment';
import { idSchema } from '@/lib/core/schemas/common';
import { describeCommitmentChange, verificationCode } from '@/lib/core/commitment/canonical';
import { COMMITMENT_VERSION_STATUS_LABELS } from '@/lib/core/commitment/tracking';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { ActionButton, PreambleForm, SignForm } from '../../commitment-forms';
import { amendAction, countersignAction, generateDraftAction, issueAction, signAction, updatePreambleAction } from '../../actions';
import { LetterBody } from '../../letter-body';
import '../../commitments.css';

export const metadata: Metadata = { title: '目标责任承诺书' };

const paramsSchema = z.object({ unitId: idSchema, year: commitmentYearSchema });
const searchSchema = z.object({ version: z.coerce.number().int().min(1).optional().catch(undefined) });

const SIGNER_ROLE_LABELS = { UNIT_HEAD: '单位负责人', LEADER: '分管县领导' } as const;
const STATUS_TONES = { DRAFT: '', ISSUED: 'yellow', SIGNED: 'yellow', LOCKED: 'green', SUPERSEDED: '' } as const;

export default async function CommitmentPage({
  params,
  searchParams,
}: {
  params: Promise<Record<string, string>>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const key = paramsSchema.safeParse(await params);
  if (!key.success) notFound();
  const { unitId, year } = key.data;
  const { version: requested } = searchSchema.parse(await searchParams);

  const [detail, currency] = await orNotFound(Promise.all([getCommitment({ user, unitId, year }), checkCommitmentCurrency({ user, unitId, year })]));
  const { unit } = detail;
  const versions = detail.commitment?.versions ?? [];
  const shown = versions.find((v) => v.version === requested) ?? versions[0];
  const may = letterAbilities(user, { unitId: unit.id, status: shown?.status ?? null });
  const isOffice = may.manage;
  const latest = versions[0];
  const letterKey = { unitId: unit.id, year };

  return (
    <>
      <div className="page-head">
        <h1>
          {unit.name} · {year}年度目标责任承诺书
        </h1>
        <div className="actions no-print">
          {!seesOwnUnitOnly(user) && (
            <Link href={`/commitments?year=${year}`} className="button secondary">
              返回列表
            </Link>
          )}
        </div>
      </div>

      {!shown && (
        <div className="panel">
          <p>{isOffice ? '尚未生成本单位该年度的承诺书。' : '督查室尚未下发本单位该年度的承诺书。'}</p>
          {isOffice && <ActionButton action={generateDraftAction} fields={letterKey} label="生成草稿" pendingText="生成中…" />}
        </div>
      )}

      {currency.reference?.outOfDate && (
        <div className="panel banner-red" data-testid="outdated-banner">
          <h2>承诺书需重新签署</h2>
          <p>第{currency.reference.version}版签署（或下发）后，以下任务或指标发生了变化，需修订后重新签署：</p>
          <ul className="changes">
            {currency.reference.changes.map((change, index) => (
              <li key={index}>{describeCommitmentChange(change)}</li>
            ))}
          </ul>
          {isOffice && latest?.status !== 'DRAFT' && (
            <div className="actions">
              <ActionButton action={amendAction} fields={letterKey} label="修订（生成新版本草稿）" pendingText="生成中…" />
            </div>
          )}
          {latest?.status === 'DRAFT' && <p className="muted">修订草稿（第{latest.version}版）已生成，核对后下发。</p>}
        </div>
      )}

      {isOffice && currency.draft?.outOfDate && (
        <div className="panel banner-yellow">
          <h2>草稿生成后任务有变化</h2>
          <ul className="changes">
            {currency.draft.changes.map((change, index) => (
              <li key={index}>{describeCommitmentChange(change)}</li>
            ))}
          </ul>
          <div className="actions">
            <ActionButton action={generateDraftAction} fields={letterKey} label="按当前任务刷新草稿" pendingText="刷新中…" />
          </div>
        </div>
      )}

      {shown && (
        <>
          <div className="panel">
            {versions.length > 1 && (
              <nav className="versions small" aria-label="版本">
                版本：
                {versions.map((v) => (
                  <Link key={v.id} href={`/commitments/${unit.id}/${year}?version=${v.version}`} aria-current={v.id === shown.id ? 'page' : undefined}>
                    第{v.version}版（{COMMITMENT_VERSION_STATUS_LABELS[v.status]}）
                  </Link>
                ))}
              </nav>
            )}
            <h2>
              第{shown.version}版{' '}
              <span className={`badge ${STATUS_TONES[shown.status]}`} data-testid="version-status">
                {COMMITMENT_VERSION_STATUS_LABELS[shown.status]}
              </span>
            </h2>
            <p className="hash-line">SHA-256：{shown.contentHash}</p>
            <p>
              核验码：<strong data-testid="verification-code">{verificationCode(shown.contentHash)}</strong>
              {shown.issuedAt && <span className="muted small"> · 下发于 {formatShanghaiDateTime(shown.issuedAt)}</span>}
              {shown.lockedAt && <span className="muted small"> · 锁定于 {formatShanghaiDateTime(shown.lockedAt)}</span>}
            </p>
            {shown.intact ? (
              <p className="muted small">内容校验通过：当前内容与哈希值一致。</p>
            ) : (
              <p className="form-message">内容校验失败：存储的内容与哈希值不一致，请联系督查室运行完整性核验。</p>
            )}
            <div className="actions">
              <Link href={`/commitments/${unit.id}/${year}/print?version=${shown.version}`} className="button secondary">
                打印
              </Link>
              <a href={`/api/commitments/${shown.id}/pdf`} className="button secondary">
                下载PDF
              </a>
            </div>
          </div>

          {isOffice && shown.status === 'DRAFT' && (
            <div className="panel">
              <h2>草稿：核对后下发</h2>
              <PreambleForm action={updatePreambleAction} versionId={shown.id} preamble={shown.preamble} />
              <div className="actions draft-actions">
                <ActionButton action={generateDraftAction} fields={letterKey} label="按当前任务刷新草稿" pendingText="刷新中…" secondary />
                <ActionButton action={issueAction} fields={{ versionId: shown.id }} label="下发至单位签署" pendingText="下发中…" />
              </div>
            </div>
          )}

          {may.sign && (
            <div className="panel">
              <h2>单位负责人签署</h2>
              <SignForm
                action={signAction}
                versionId={shown.id}
                signedHash={shown.contentHash}
                label="确认签署"
                statement={`本人已阅读本承诺书（第${shown.version}版，核验码 ${verificationCode(shown.contentHash)}），代表${unit.name}作出上述承诺。`}
              />
            </div>
          )}

          {may.countersign && (
            <div className="panel">
              <h2>分管县领导会签</h2>
              <SignForm
                action={countersignAction}
                versionId={shown.id}
                signedHash={shown.contentHash}
                label="确认会签"
                statement={`本人已审阅${unit.name}承诺书（第${shown.version}版，核验码 ${verificationCode(shown.contentHash)}），同意会签。会签后本版本锁定，不可更改。`}
              />
            </div>
          )}

          <div className="panel">
            <h2 className="letter-heading">《{year}年度目标责任承诺书》</h2>
            <p>责任单位：{unit.name}</p>
            {shown.content ? <LetterBody content={shown.content} /> : <p className="form-message">承诺书内容无法读取。</p>}
          </div>

          <div className="panel">
            <h2>签署记录</h2>
            {shown.signatures.length === 0 ? (
              <p className="muted">尚无签署。</p>
            ) : (
              <ul className="signature-list" data-testid="signatures">
                {shown.signatures.map((s) => (
                  <li key={s.id}>
                    <strong>{SIGNER_ROLE_LABELS[s.signerRole]}</strong>：{s.signerName} · {formatShanghaiDateTime(s.signedAt)}
                    {s.intact ? <span className="badge green">签名校验通过</span> : <span className="badge red">签名校验失败</span>}
                    {(s.ip || s.userAgent) && (
                      <div className="muted small">
                        IP {s.ip ?? '—'} · {s.userAgent ?? '—'}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </>
  );
}
