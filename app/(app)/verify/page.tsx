import type { Metadata } from 'next';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { UserFacingError } from '@/lib/server/errors';
import { findByHash } from '@/lib/server/commitments/find-by-hash';
import { getCountyKeys, getIntegrityStatus } from '@/lib/server/verify/get-integrity-status';
import { commitmentLookupSchema } from '@/lib/core/schemas/commitment';
import { formatFingerprint } from '@/lib/core/integrity/sm2';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { UploadForm } from './upload-form';
import { ChainWarning, LetterResult } from './letter-result';
import { IntegrityCheckButton } from './integrity-check-button';
import '../commitments/commitments.css';

export const metadata: Metadata = { title: '核验承诺书' };

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
  const keys = getCountyKeys();
  const status = can(user, 'audit.view') ? await getIntegrityStatus({ user }) : null;

  return (
    <>
      <div className="page-head">
        <h1>核验承诺书</h1>
      </div>
      {status && (
        <div className={`panel ${status.anchors.problems.length > 0 || (status.lastCheck?.problemCount ?? 0) > 0 ? 'banner-red' : ''}`} data-testid="integrity-status">
          <h2>审计链与签名完整性（督查室）</h2>
          {status.anchors.latest ? (
            <p>
              最近核验点：#{status.anchors.latest.seq}，{formatShanghaiDateTime(new Date(status.anchors.latest.at))}，锚定审计记录 {status.anchors.latest.eventCount} 条（至 #
              {status.anchors.latest.eventSeq}）
            </p>
          ) : (
            <p className="muted">尚无核验点：定时任务或 npm run verify 第一次通过后写入。</p>
          )}
          {status.anchors.problems.length === 0 ? (
            status.anchors.latest && (
              <p>
                <span className="badge green">审计链与核验点一致</span>
              </p>
            )
          ) : (
            <ChainWarning problems={status.anchors.problems} />
          )}
          {status.lastCheck && (
            <p>
              上次全面核验：{formatShanghaiDateTime(new Date(status.lastCheck.at))}，
              {status.lastCheck.problemCount === 0 ? (
                <span className="badge green">通过</span>
              ) : (
                <span className="badge red">发现 {status.lastCheck.problemCount} 处问题</span>
              )}
            </p>
          )}
          {status.lastCheck && status.lastCheck.problemCount > 0 && (
            <ul className="problem-list hash-line">
              {status.lastCheck.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <IntegrityCheckButton />
        </div>
      )}
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
      {result && <ChainWarning problems={result.chain.problems} />}
      {result && result.matches.length === 0 && (
        <div className="panel banner-red" data-testid="verify-result">
          <p>未找到与之对应的已下发承诺书。请核对输入；若承诺书为系统打印，其内容可能已被改动。</p>
        </div>
      )}
      {result?.matches.map((match) => <LetterResult key={match.versionId} match={match} />)}

      <div className="panel" data-testid="county-keys">
        <h2>本县签章公钥</h2>
        <p className="muted">
          承诺书的签章、每一项签名和审计核验点均用本县 SM2 私钥（国密 SM2/SM3）签名，私钥不在数据库中。可用下列公钥在系统之外独立验证。
        </p>
        {keys.sm2.map((key) => (
          <div key={key.keyId} className="hash-line">
            <p>
              SM2 密钥 {key.keyId}
              {key.current ? <span className="badge green">当前</span> : <span className="badge">历史（仅用于验证旧记录）</span>}
            </p>
            <p>指纹（SM3）：{formatFingerprint(key.fingerprint)}</p>
            <p>公钥：{key.publicKey}</p>
          </div>
        ))}
        <p className="muted">下载的 PDF 另带 RSA 数字签名（PDF 阅读器不支持 SM2），签章证书指纹（SHA-256）：</p>
        {keys.certificates.map((c) => (
          <p key={c.fingerprint} className="hash-line">
            {formatFingerprint(c.fingerprint)} {c.current ? <span className="badge green">当前</span> : <span className="badge">历史</span>}
          </p>
        ))}
      </div>
    </>
  );
}
