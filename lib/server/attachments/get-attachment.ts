import 'server-only';
import { db } from '@/lib/server/db';
import { taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import { attachmentKey, attachmentStore } from '@/lib/server/attachments/attachment-store';
import { isStoredFileName, parseStoredAttachments } from '@/lib/core/attachments/policy';

/**
 * One attachment of a progress report, for download. Found only through a report whose task is
 * in the user's scope, and only under a name the report lists; anything else is "not found".
 */
export async function getAttachment({ user, reportId, storedName }: { user: SessionUser; reportId: string; storedName: string }) {
  if (!isStoredFileName(storedName) || reportId.length > 64) throw notFound();
  const report = await db.progressReport.findFirst({
    where: { id: reportId, task: taskScopeWhere(user) },
    select: { taskId: true, attachments: true },
  });
  const attachment = report && parseStoredAttachments(report.attachments).find((a) => a.storedName === storedName);
  if (!report || !attachment) throw notFound();
  const file = await attachmentStore().read(attachmentKey(report.taskId, attachment.storedName));
  if (!file) throw notFound();
  return { name: attachment.name, type: attachment.type, size: file.size, stream: file.stream };
}
