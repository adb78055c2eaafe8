'use server';

import { revalidatePath } from 'next/cache';
import { formString } from '@/lib/core/forms/form-data';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { generateCommitmentDraft } from '@/lib/server/commitments/generate-commitment-draft';
import { updateCommitmentPreamble } from '@/lib/server/commitments/update-commitment-preamble';
import { issueCommitmentVersion } from '@/lib/server/commitments/issue-commitment-version';
import { amendCommitment } from '@/lib/server/commitments/amend-commitment';
import { signCommitment } from '@/lib/server/commitments/sign-commitment';
import { countersignCommitment } from '@/lib/server/commitments/countersign-commitment';
import { issueYearCommitments } from '@/lib/server/commitments/issue-year-commitments';
import { bulkSummary } from '@/lib/core/bulk/outcome';

/** Runs one commitment action for the signed-in user and refreshes every commitment page. */
function commitmentAction(work: (user: SessionUser) => Promise<unknown>, success: string) {
  return withUser(async (user) => {
    const state = await runAction(() => work(user), success);
    if (state.ok) revalidatePath('/commitments', 'layout');
    return state;
  });
}

export async function generateDraftAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { ip } = await requestMeta();
  return commitmentAction(
    (user) => generateCommitmentDraft({ user, input: { unitId: formString(formData, 'unitId'), year: formString(formData, 'year') }, ip }),
    '草稿已按当前任务生成',
  );
}

export async function updatePreambleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { ip } = await requestMeta();
  return commitmentAction(
    (user) => updateCommitmentPreamble({ user, input: { versionId: formString(formData, 'versionId'), preamble: formString(formData, 'preamble') }, ip }),
    '承诺书正文已保存',
  );
}

export async function issueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { ip } = await requestMeta();
  return commitmentAction((user) => issueCommitmentVersion({ user, input: { versionId: formString(formData, 'versionId') }, ip }), '已下发，等待单位负责人签署');
}

export async function amendAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { ip } = await requestMeta();
  return commitmentAction(
    (user) => amendCommitment({ user, input: { unitId: formString(formData, 'unitId'), year: formString(formData, 'year') }, ip }),
    '已按当前任务生成修订草稿',
  );
}

const signInput = (formData: FormData) => ({
  versionId: formString(formData, 'versionId'),
  signedHash: formString(formData, 'signedHash'),
  password: formString(formData, 'password'),
});

export async function signAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const meta = await requestMeta();
  return commitmentAction((user) => signCommitment({ user, input: signInput(formData), meta }), '已签署，等待分管县领导会签');
}

export async function countersignAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const meta = await requestMeta();
  return commitmentAction((user) => countersignCommitment({ user, input: signInput(formData), meta }), '已会签，承诺书已锁定');
}

/** 一键生成并下发 every unit's letter for the year; the message sums up what was created. */
export async function issueYearAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { ip } = await requestMeta();
  return withUser(async (user) => {
    let summary = '';
    const state = await runAction(async () => {
      summary = bulkSummary('生成并下发', await issueYearCommitments({ user, ip, input: { year: formString(formData, 'year') } }));
    });
    if (!state.ok) return state;
    revalidatePath('/commitments', 'layout');
    return { ...state, message: summary };
  });
}
