import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import type { Directory } from '@/lib/core/directory/directory-data';
import { readDirectory } from './read-directory';

/**
 * The whole directory for the workbook export (督查室 only); importing it back changes nothing.
 * `template` gives the empty directory the downloadable template is written from.
 */
export async function exportDirectory({ user, template = false }: { user: SessionUser; template?: boolean }): Promise<Directory> {
  if (!can(user, 'user.manage')) throw notFound();
  if (template) return { units: [], users: [], leaders: [] };
  return (await readDirectory(db)).directory;
}
