import { z } from 'zod';
import { assessmentSchemeSchema } from '@/lib/core/assessment/scheme';
import { isoDateSchema } from '@/lib/core/schemas/common';

const year = z.coerce.number({ error: '年度无效' }).int('年度无效').min(2000, '年度无效').max(2100, '年度无效');
const version = z.coerce.number().int().min(0);

/** /assessment?year=YYYY; a missing or malformed year means the working year. */
export const assessmentParamsSchema = z.object({ year: year.optional().catch(undefined) });

/** Saving a year's 考核办法; `version` 0 when the year has none stored yet. */
export const saveSchemeSchema = z.object({ year, version, scheme: assessmentSchemeSchema });

/** Computing (or recomputing) the year's results on an assessment date. */
export const runAssessmentSchema = z.object({ year, asOf: isoDateSchema });

export const adjustAssessmentSchema = z.object({
  year,
  version,
  unitId: z.string().trim().min(1, '请选择单位'),
  points: z.coerce.number({ error: '请填写调整分值' }).min(-100, '调整分值应在 −100 到 100 之间').max(100, '调整分值应在 −100 到 100 之间'),
  reason: z.string().trim().min(2, '请填写调整理由').max(200, '理由不超过200字'),
});

/** Approving (a leader) or publishing (the office) the year's results as last seen. */
export const assessmentStepSchema = z.object({ year, version });
