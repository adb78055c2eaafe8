import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { schemeForYear } from './assessment-rows';

/** The year's 考核办法 as the office and leaders read it (the default when none is stored). */
export async function getAssessmentScheme({ user, year }: { user: SessionUser; year: number }) {
  if (!can(user, 'assessment.view')) throw forbidden('查看考核办法');
  return schemeForYear(db, year);
}
