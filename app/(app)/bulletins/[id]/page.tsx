import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { UserFacingError } from '@/lib/server/errors';
import { getBulletin } from '@/lib/server/bulletins/get-bulletin';
import { idSchema } from '@/lib/core/schemas/common';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { BulletinView } from '../bulletin-view';
import { PrintButton } from '@/app/_components/print-button';
import '../../dashboard.css';

export const metadata: Metadata = { title: '通报' };

export default async function BulletinPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const bulletin = await getBulletin({ user, bulletinId: id.data }).catch((error: unknown) => {
    if (error instanceof UserFacingError) notFound();
    throw error;
  });
  return (
    <>
      <div className="actions no-print" style={{ marginBottom: '0.75rem' }}>
        <PrintButton className="secondary" />
        <a className="button secondary" href={`/api/bulletin-documents/${bulletin.id}`} download>
          下载 Word
        </a>
      </div>
      <BulletinView
        content={bulletin.content}
        note={` · ${bulletin.issuer?.name ?? ''}印发于 ${formatShanghaiDateTime(bulletin.issuedAt)}`}
      />
    </>
  );
}
