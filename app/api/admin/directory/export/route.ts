import { directoryDownload } from '../directory-download';

/** GET /api/admin/directory/export: units, people and 分管 as the directory workbook (督查室 only). */
export function GET() {
  return directoryDownload({ template: false });
}
