import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import type { Directory } from '@/lib/core/directory/directory-data';
import { readDirectory } from './read-directory';

/** The whole directory for the workbook export (督查室 only); importing it back changes nothing. */
export async function exportDirectory({ user }: { user: SessionUser }): Promise<Directory> {
  if (!can(user, 'user.manage')) throw notFound();
  return (await readDirectory(db)).directory;
}
