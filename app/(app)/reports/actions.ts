'use server';

import { revalidatePath } from 'next/cache';
import { formString, formStrings } from '@/lib/core/forms/form-data';
import { bulkSummary } from '@/lib/core/bulk/outcome';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { reviewProgressReports } from '@/lib/server/reports/review-progress-reports';

/** 批量通过 / 批量退回 the selected reports; the message sums up what was done and what was not. */
export async function reviewReportsAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const decision = formString(form, 'decision');
    let summary = '';
    const state = await runAction(async () => {
      const outcome = await reviewProgressReports({
        user,
        ip,
        input: { reportIds: formStrings(form, 'reportIds'), decision, reason: formString(form, 'reason') },
      });
      summary = bulkSummary(decision === 'return' ? '已退回' : '已通过', outcome);
    });
    if (!state.ok) return state;
    revalidatePath('/reports');
    revalidatePath('/');
    return { ...state, message: summary };
  });
}
