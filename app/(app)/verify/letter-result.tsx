import Link from 'next/link';
import type { LetterMatch } from '@/lib/server/commitments/find-by-hash';
import { COMMITMENT_VERSION_STATUS_LABELS } from '@/lib/core/commitment/tracking';
import { SIGNER_ROLE_LABELS } from '@/lib/core/integrity/signer-roles';
import { formatChineseDate } from '@/lib/core/format/date-time';

/** One letter as the 核验 page shows it: the verdict first, then what failed, the hash and the signers. */
export function LetterResult({ match, source }: { match: LetterMatch; source?: string }) {
  const tone = match.verdict.tone === 'red' ? 'banner-red' : '';
  return (
    <div className={`panel ${tone}`} data-testid="verify-result">
      <h2>
        {match.unit.name} · {match.year}年度目标责任承诺书 · 第{match.version}版
      </h2>
      {source && <p className="badge green">{source}</p>}
      <p>
        核验结论：
        <strong className={`badge ${match.verdict.tone}`} data-testid="verify-verdict">
          {match.verdict.label}
        </strong>
      </p>
      {match.problems.length > 0 && (
        <ul className="problem-list" data-testid="verify-problems">
          {match.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <p>
        状态：<span className="badge">{COMMITMENT_VERSION_STATUS_LABELS[match.status]}</span>
      </p>
      <p className="hash-line">SHA-256：{match.contentHash}</p>
      <p>核验码：{match.code}</p>
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
  );
}

/** The audit chain no longer matches its signed checkpoints: said on every result, since it undermines them all. */
export function ChainWarning({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="panel banner-red" data-testid="verify-chain-broken">
      <h2>审计链校验失败</h2>
      <p>审计记录与已签名的核验点不符，历史记录可能在系统之外被改写或删除。请督查室立即运行完整性核验并排查。</p>
      <ul className="problem-list">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
