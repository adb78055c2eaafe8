import { z } from 'zod';

/** What the office may set for the installation (/admin/settings). */
export const installationSettingsSchema = z.object({
  countyName: z.string({ error: '请填写县（区）名称' }).trim().min(2, '请填写县（区）名称').max(40, '名称过长'),
  // Empty: the working year follows the calendar (Asia/Shanghai).
  workingYear: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    z.coerce.number({ error: '工作年度应为四位年份' }).int('工作年度应为四位年份').min(2000, '工作年度应在 2000–2100 之间').max(2100, '工作年度应在 2000–2100 之间').nullable(),
  ),
});
export type InstallationSettingsInput = z.infer<typeof installationSettingsSchema>;

/** How this database was set up: `npm run setup` (real) or the demo seed. Written once, never edited. */
export const installationMarkerSchema = z.object({
  kind: z.enum(['real', 'demo']),
  at: z.string(),
});
export type InstallationMarker = z.infer<typeof installationMarkerSchema>;
