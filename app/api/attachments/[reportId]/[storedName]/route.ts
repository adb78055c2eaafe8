import { NextResponse } from 'next/server';
import { getSessionUser } from '@/lib/server/auth/session';
import { getAttachment } from '@/lib/server/attachments/get-attachment';
import { UserFacingError } from '@/lib/server/errors';
import { attachmentPreviewKind, contentDisposition } from '@/lib/core/attachments/policy';
import { isAttachmentPreview, PREVIEW_FRAME_OPTIONS } from '@/lib/core/security/headers';

/**
 * Downloads a progress-report attachment: 401 without a session, 404 outside the user's scope.
 * With ?inline=1 an image or PDF is served for the page's preview (shown, not saved); other
 * types are always a download.
 */
export async function GET(request: Request, { params }: { params: Promise<{ reportId: string; storedName: string }> }) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: '请先登录' }, { status: 401 });
  const { reportId, storedName } = await params;
  const inline = isAttachmentPreview(new URL(request.url));
  try {
    const file = await getAttachment({ user, reportId, storedName });
    return new Response(file.stream(), {
      headers: {
        'Content-Type': file.type,
        'Content-Length': String(file.size),
        'Content-Disposition': contentDisposition(file.name, undefined, inline && attachmentPreviewKind(file.type) ? 'inline' : 'attachment'),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        // The proxy says the same; here too, as next.config.js's DENY on every path must not win.
        ...(inline ? { [PREVIEW_FRAME_OPTIONS.key]: PREVIEW_FRAME_OPTIONS.value } : {}),
      },
    });
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'NOT_FOUND') return NextResponse.json({ error: error.message }, { status: 404 });
    throw error;
  }
}
