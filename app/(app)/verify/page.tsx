import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { UserFacingError } from '@/lib/server/errors';
import { findByHash } from '@/lib/server/commitments/find-by-hash';
import { commitmentLookupSchema } from '@/lib/core/schemas/commitment';
import { verificationCode } from '@/lib/core/commitment/canonical';
import { formatChineseDate } from '@/lib/core/format/date-time';
import { COMMITMENT_VERSION_STATUS_LABELS } from '@/lib/core/commitment/tracking';
import { UploadForm } from './upload-form';
import '../commitments/commitments.css';

export const metadata: Metadata = { title: '核验承诺书' };

const SIGNER_ROLE_LABELS = { UNIT_HEAD: '单位负责人', LEADER: '分管县领导' } as const;

export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { q } = commitmentLookupSchema.parse(await searchParams);
  let result: Awaited<ReturnType<typeof findByHash>> | null = null;
  let error: string | null = null;
  if (q) {
    try {
      result = await findByHash({ user, query: q });
    } catch (caught) {
      if (!(caught instanceof UserFacingError)) throw caught;
      error = caught.message;
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>核验承诺书</h1>
      </div>
      <div className="grid">
        <div className="panel">
          <h2>输入哈希值或核验码</h2>
          <form method="get" className="stack">
            <label>
              SHA-256 哈希值（64位）或核验码（LS-XXXX-XXXX-XXXX）
              <input name="q" defaultValue={q ?? ''} autoComplete="off" spellCheck={false} />
            </label>
            <div className="actions">
              <button type="submit">核验</button>
            </div>
          </form>
        </div>
        <div className="panel">
          <h2>上传文件</h2>
          <UploadForm />
        </div>
      </div>

      {error && <p className="form-message">{error}</p>}
      {result && result.matches.length === 0 && (
        <div className="panel banner-red" data-testid="verify-result">
          <p>未找到与之对应的已下发承诺书。请核对输入；若承诺书为系统打印，其内容可能已被改动。</p>
        </div>
      )}
      {result?.matches.map((match) => (
        <div key={match.versionId} className={`panel ${match.intact ? '' : 'banner-red'}`} data-testid="verify-result">
          <h2>
            {match.unit.name} · {match.year}年度目标责任承诺书 · 第{match.version}版
          </h2>
          <p>
            状态：<span className="badge">{COMMITMENT_VERSION_STATUS_LABELS[match.status]}</span>
            {match.intact ? <span className="badge green">内容校验通过</span> : <span className="badge red">内容校验失败</span>}
          </p>
          <p className="hash-line">SHA-256：{match.contentHash}</p>
          <p>核验码：{verificationCode(match.contentHash)}</p>
          {match.signatures.length === 0 ? (
            <p className="muted">尚无签署。</p>
          ) : (
            <ul className="signature-list">
              {match.signatures.map((s) => (
                <li key={s.signerRole}>
                  {SIGNER_ROLE_LABELS[s.signerRole]}：{s.signerName}，{formatChineseDate(s.signedAt)}签署
                </li>
              ))}
            </ul>
          )}
          {match.canOpen && (
            <p>
              <Link href={`/commitments/${match.unit.id}/${match.year}?version=${match.version}`}>查看承诺书</Link>
            </p>
          )}
        </div>
      ))}
    </>
  );
}
