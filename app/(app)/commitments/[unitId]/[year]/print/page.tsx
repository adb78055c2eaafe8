import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '@/lib/server/auth/session';
import { orNotFound } from '@/lib/server/page-guard';
import { getCommitment } from '@/lib/server/commitments/get-commitment';
import { checkCommitmentCurrency } from '@/lib/server/commitments/check-commitment-currency';
import { commitmentYearSchema } from '@/lib/core/schemas/commitment';
import { idSchema } from '@/lib/core/schemas/common';
import { verificationCode } from '@/lib/core/commitment/canonical';
import { formatChineseDate } from '@/lib/core/format/date-time';
import { COMMITMENT_VERSION_STATUS_LABELS } from '@/lib/core/commitment/tracking';
import { LetterBody } from '../../../letter-body';
import { PrintButton } from '@/app/_components/print-button';
import '../../../commitments.css';
import './print.css';

type Props = {
  params: Promise<Record<string, string>>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const paramsSchema = z.object({ unitId: idSchema, year: commitmentYearSchema });
const searchSchema = z.object({ version: z.coerce.number().int().min(1).optional().catch(undefined) });

/** The requested version (default: the latest the user may see), or a 404 outside the user's scope. */
async function load({ params, searchParams }: Props) {
  const user = await requireUser();
  const key = paramsSchema.safeParse(await params);
  if (!key.success) notFound();
  const { version } = searchSchema.parse(await searchParams);
  const detail = await orNotFound(getCommitment({ user, unitId: key.data.unitId, year: key.data.year }));
  const versions = detail.commitment?.versions ?? [];
  const shown = versions.find((v) => v.version === version) ?? (version === undefined ? versions[0] : undefined);
  if (!shown) notFound();
  const currency = await checkCommitmentCurrency({ user, unitId: detail.unit.id, year: detail.year });
  const outOfDate = currency.reference?.id === shown.id && currency.reference.outOfDate;
  return { unit: detail.unit, year: detail.year, shown, outOfDate };
}

// The PDF's document title carries the hash: PDF page text is compressed, the title is not, so a
// downloaded PDF can be matched to its letter by machine (the verification page reads it).
export async function generateMetadata(props: Props): Promise<Metadata> {
  const { unit, year, shown } = await load(props);
  return { title: { absolute: `目标责任承诺书 ${unit.name} ${year}年度 第${shown.version}版 SHA-256 ${shown.contentHash}` } };
}

export default async function CommitmentPrintPage(props: Props) {
  const { unit, year, shown, outOfDate } = await load(props);
  const signature = (role: 'UNIT_HEAD' | 'LEADER') => shown.signatures.find((s) => s.signerRole === role);
  const head = signature('UNIT_HEAD');
  const leader = signature('LEADER');

  return (
    <>
      <div className="print-toolbar no-print">
        <PrintButton />
        {shown.intact ? (
          <a href={`/api/commitments/${shown.id}/pdf`} className="button secondary">
            下载PDF
          </a>
        ) : (
          <span className="badge red">校验失败，不能下载PDF</span>
        )}
        <Link href={`/commitments/${unit.id}/${year}?version=${shown.version}`} className="button secondary">
          返回
        </Link>
      </div>
      <article className="letter-print" id="commitment-letter" data-version-id={shown.id}>
        {/* A failed check or changed tasks are stated on the document itself, never hidden behind a valid-looking letter. */}
        {!shown.intact ? (
          <p className="letter-watermark letter-watermark-failed" data-testid="print-failed">
            校验失败：本承诺书的记录已被改动，不具效力（{shown.problems.join('；')}）
          </p>
        ) : outOfDate ? (
          <p className="letter-watermark" data-testid="print-outdated">
            已签署但已过期：签署后任务已变化，待修订
          </p>
        ) : (
          shown.status !== 'LOCKED' && <p className="letter-watermark">{COMMITMENT_VERSION_STATUS_LABELS[shown.status]}</p>
        )}
        <h1>《{year}年度目标责任承诺书》</h1>
        <p className="letter-unit">{unit.name}</p>
        {shown.content ? <LetterBody content={shown.content} /> : <p>承诺书内容无法读取，请联系督查室。</p>}
        <section className="signature-blocks" aria-label="签署">
          <div className="signature-block">
            <div className="role">承诺单位（盖章）</div>
            <div className="line">{unit.name}</div>
            <div className="date">日期：{head ? formatChineseDate(head.signedAt) : '　　年　　月　　日'}</div>
          </div>
          <div className="signature-block">
            <div className="role">单位负责人（签字）</div>
            <div className="line">{head?.signerName ?? ''}</div>
            <div className="date">日期：{head ? formatChineseDate(head.signedAt) : '　　年　　月　　日'}</div>
          </div>
          <div className="signature-block">
            <div className="role">分管县领导（签字）</div>
            <div className="line">{leader?.signerName ?? ''}</div>
            <div className="date">日期：{leader ? formatChineseDate(leader.signedAt) : '　　年　　月　　日'}</div>
          </div>
        </section>
        <footer className="letter-footer">
          <div>
            第{shown.version}版 · {COMMITMENT_VERSION_STATUS_LABELS[shown.status]} · 核验码：<strong data-testid="print-code">{verificationCode(shown.contentHash)}</strong>
          </div>
          <div className="hash" data-testid="print-hash">
            SHA-256：{shown.contentHash}
          </div>
          <div>登录系统“核验”页输入核验码或哈希值，可查验本承诺书的版本与签署情况。</div>
        </footer>
      </article>
    </>
  );
}
