import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { describeCountyKeys } from '@/lib/platform/keys/county-keys';
import { pdfSigningIdentity, trustedPdfCertificates } from '@/lib/platform/keys/pdf-certificate';
import { serverEnv } from '@/lib/platform/env';
import { checkAuditAnchors } from './check-audit-anchors';
import { INTEGRITY_SETTING_KEY, runIntegrityCheck, type IntegrityCheckOutcome } from './run-integrity-check';

/**
 * The county's public keys and PDF certificates, for anyone signed in: with them a letter's
 * signatures can be checked outside luoshi. Current key first.
 */
export function getCountyKeys() {
  const current = pdfSigningIdentity(serverEnv().LUOSHI_COUNTY_NAME).fingerprint;
  const certificates = [...trustedPdfCertificates()]
    .map(([fingerprint, pem]) => ({ fingerprint, pem, current: fingerprint === current }))
    .sort((a, b) => Number(b.current) - Number(a.current));
  return { sm2: describeCountyKeys(), certificates };
}

/**
 * The audit chain's state for the office: the last full check (scheduled job or npm run verify)
 * and a live comparison of the chain with its signed checkpoints.
 */
export async function getIntegrityStatus({ user }: { user: SessionUser }) {
  if (!can(user, 'audit.view')) throw forbidden('查看完整性核验');
  const setting = await db.setting.findUnique({ where: { key: INTEGRITY_SETTING_KEY } });
  const anchors = await checkAuditAnchors(db);
  return { lastCheck: (setting?.value ?? null) as IntegrityCheckOutcome | null, anchors };
}

/** The office runs the full check now (as the scheduled job does). */
export async function runIntegrityCheckNow({ user }: { user: SessionUser }) {
  if (!can(user, 'audit.view')) throw forbidden('运行完整性核验');
  return (await runIntegrityCheck(db)).outcome;
}

