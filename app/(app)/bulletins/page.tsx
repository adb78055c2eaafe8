import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { UserFacingError } from '@/lib/server/errors';
import { buildBulletin } from '@/lib/server/bulletins/build-bulletin';
import { listBulletins } from '@/lib/server/bulletins/list-bulletins';
import { bulletinPageParamsSchema } from '@/lib/core/schemas/bulletin';
import { periodLabel, previousPeriod } from '@/lib/core/schedule/cadence';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { BulletinView } from './bulletin-view';
import { IssueBulletinForm } from './issue-form';
import { PrintButton } from '@/app/_components/print-button';
import '../dashboard.css';

export const metadata: Metadata = { title: '通报' };

export default async function BulletinsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!can(user, 'bulletin.issue')) notFound();
  const today = new Date();
  const period = bulletinPageParamsSchema.parse(await searchParams).period ?? previousPeriod('MONTHLY', today)!;
  const [preview, issued] = await Promise.all([
    buildBulletin({ user, period, today }).catch((error: unknown) => {
      if (error instanceof UserFacingError) return error;
      throw error;
    }),
    listBulletins({ user }),
  ]);

  return (
    <>
      <div className="page-head no-print">
        <h1>月度通报</h1>
        <form className="actions" method="get" aria-label="选择月份">
          <label>
            月份
            <input type="month" name="period" defaultValue={period} required />
          </label>
          <button type="submit" className="secondary">
            预览
          </button>
        </form>
      </div>
      {preview instanceof UserFacingError ? (
        <p className="form-message">{preview.message}</p>
      ) : (
        <>
          <div className="actions no-print" style={{ marginBottom: '0.75rem' }}>
            <PrintButton className="secondary" />
            <a className="button secondary" href={`/api/bulletins/${preview.period}`} download>
              下载Excel
            </a>
            <IssueBulletinForm period={preview.period} label={preview.periodLabel} />
          </div>
          <BulletinView content={preview} note={<span className="no-print">（预览，尚未印发）</span>} />
        </>
      )}
      <section className="panel no-print" aria-label="已印发通报">
        <h2>已印发</h2>
        {issued.length === 0 ? (
          <p className="muted">尚未印发通报。</p>
        ) : (
          <ul>
            {issued.map((bulletin) => (
              <li key={bulletin.id}>
                <Link href={`/bulletins/${bulletin.id}`}>{bulletin.title}</Link>{' '}
                <span className="muted small">
                  {periodLabel(bulletin.periodKey)} · {formatShanghaiDateTime(bulletin.issuedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
