import 'server-only';
import { headers } from 'next/headers';
import { ZodError } from 'zod';
import { formErrors } from '@/lib/core/schemas/common';
import { getSessionUser } from '@/lib/server/auth/session';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { UserFacingError } from '@/lib/server/errors';
import { requestClientAddress } from '@/lib/server/client-address';
import { log } from '@/lib/platform/log';

/** What every server action returns to its form: Chinese messages, per-field errors. */
export type ActionState = { ok: boolean; message: string; fieldErrors: Record<string, string[]> };

/**
 * A server action's body, run for the signed-in user. Actions are public endpoints, so each one
 * re-checks the session: without one nothing runs and the form says 请先登录.
 */
export async function withUser<S extends ActionState = ActionState>(body: (user: SessionUser) => Promise<S>): Promise<S | ActionState> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: '请先登录', fieldErrors: {} };
  return body(user);
}

/**
 * Runs a data-layer call for a server action and turns refusals into `{ fieldErrors, message }`.
 * Unexpected errors are logged and reported generically, never leaked.
 */
export async function runAction(work: () => Promise<unknown>, successMessage = '已保存'): Promise<ActionState> {
  try {
    await work();
    return { ok: true, message: successMessage, fieldErrors: {} };
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    if (error instanceof ZodError) return { ok: false, ...formErrors(error) };
    log.error({ err: error, requestId: await currentRequestId() }, 'action failed');
    return { ok: false, message: '操作失败，请稍后重试', fieldErrors: {} };
  }
}

/** The proxy's X-Request-Id of the request being served, for the logs; null outside a request. */
export async function currentRequestId(): Promise<string | null> {
  try {
    return (await headers()).get('x-request-id');
  } catch {
    return null;
  }
}

/** Caller IP and user agent for audit rows and signatures. */
export async function requestMeta() {
  const list = await headers();
  return {
    ip: requestClientAddress((name) => list.get(name)),
    userAgent: list.get('user-agent'),
  };
}
