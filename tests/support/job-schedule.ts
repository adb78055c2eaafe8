// Scheduling helpers for tests of the job queue: a cron that fires exactly once, soon.

/**
 * A cron expression (Asia/Shanghai, like every scheduled job) for one minute of one day: the
 * current minute while enough of it is left for the queue's 10 s cron check to see it, else the
 * next. It fires once, so two runs would mean two servers ran it.
 */
export function cronForOneMinuteSoon(now = new Date()): { cron: string; due: Date } {
  const due = new Date(now);
  due.setUTCSeconds(0, 0);
  if (now.getUTCSeconds() > 40) due.setUTCMinutes(due.getUTCMinutes() + 1);
  const shanghai = new Date(due.getTime() + 8 * 3600_000);
  return { cron: `${shanghai.getUTCMinutes()} ${shanghai.getUTCHours()} ${shanghai.getUTCDate()} ${shanghai.getUTCMonth() + 1} *`, due };
}

/** Polls `check` every 250 ms until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
