import { NextResponse } from 'next/server';
import { getSessionUser } from '@/lib/server/auth/session';
import { getAttachment } from '@/lib/server/attachments/get-attachment';
import { UserFacingError } from '@/lib/server/errors';
import { contentDisposition } from '@/lib/core/attachments/policy';

/** Downloads a progress-report attachment: 401 without a session, 404 outside the user's scope. */
export async function GET(_request: Request, { params }: { params: Promise<{ reportId: string; storedName: string }> }) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: '请先登录' }, { status: 401 });
  const { reportId, storedName } = await params;
  try {
    const file = await getAttachment({ user, reportId, storedName });
    return new Response(file.stream(), {
      headers: {
        'Content-Type': file.type,
        'Content-Length': String(file.size),
        'Content-Disposition': contentDisposition(file.name),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'NOT_FOUND') return NextResponse.json({ error: error.message }, { status: 404 });
    throw error;
  }
}
