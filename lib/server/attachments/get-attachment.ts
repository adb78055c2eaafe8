import 'server-only';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { db } from '@/lib/server/db';
import { taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import { attachmentPath } from '@/lib/server/attachments/attachment-store';
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
  const file = attachmentPath(report.taskId, attachment.storedName);
  const size = await stat(file).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw notFound();
  return {
    name: attachment.name,
    type: attachment.type,
    size,
    stream: () => Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
  };
}
