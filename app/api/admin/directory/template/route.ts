import { directoryDownload } from '../directory-download';

/** GET /api/admin/directory/template: the empty directory workbook with its headers, notes and drop-downs. */
export function GET() {
  return directoryDownload({ template: true });
}
