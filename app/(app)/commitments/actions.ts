'use server';

import { revalidatePath } from 'next/cache';
import { getSessionUser } from '@/lib/server/auth/session';
import { requestMeta, runAction, type ActionState } from '@/lib/server/action-result';
import { generateCommitmentDraft } from '@/lib/server/commitments/generate-commitment-draft';
import { updateCommitmentPreamble } from '@/lib/server/commitments/update-commitment-preamble';
import { issueCommitmentVersion } from '@/lib/server/commitments/issue-commitment-version';
import { amendCommitment } from '@/lib/server/commitments/amend-commitment';
import { signCommitment } from '@/lib/server/commitments/sign-commitment';
import { countersignCommitment } from '@/lib/server/commitments/countersign-commitment';

const SIGNED_OUT: ActionState = { ok: false, message: '请先登录', fieldErrors: {} };

/** Runs one commitment action for the signed-in user and refreshes every commitment page. */
async function commitmentAction(work: (user: NonNullable<Awaited<ReturnType<typeof getSessionUser>>>) => Promise<unknown>, success: string) {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  const state = await runAction(() => work(user), success);
  if (state.ok) revalidatePath('/commitments', 'layout');
  return state;
}

const field = (formData: FormData, name: string) => formData.get(name) ?? undefined;

export async function generateDraftAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { ip } = await requestMeta();
  return commitmentAction(
    (user) => generateCommitmentDraft({ user, input: { unitId: field(formData, 'unitId'), year: field(formData, 'year') }, ip }),
    '草稿已按当前任务生成',
  );
}

export async function updatePreambleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { ip } = await requestMeta();
  return commitmentAction(
    (user) => updateCommitmentPreamble({ user, input: { versionId: field(formData, 'versionId'), preamble: field(formData, 'preamble') }, ip }),
    '承诺书正文已保存',
  );
}

export async function issueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { ip } = await requestMeta();
  return commitmentAction((user) => issueCommitmentVersion({ user, input: { versionId: field(formData, 'versionId') }, ip }), '已下发，等待单位负责人签署');
}

export async function amendAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { ip } = await requestMeta();
  return commitmentAction(
    (user) => amendCommitment({ user, input: { unitId: field(formData, 'unitId'), year: field(formData, 'year') }, ip }),
    '已按当前任务生成修订草稿',
  );
}

const signInput = (formData: FormData) => ({
  versionId: field(formData, 'versionId'),
  signedHash: field(formData, 'signedHash'),
  password: field(formData, 'password'),
});

export async function signAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const meta = await requestMeta();
  return commitmentAction((user) => signCommitment({ user, input: signInput(formData), meta }), '已签署，等待分管县领导会签');
}

export async function countersignAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const meta = await requestMeta();
  return commitmentAction((user) => countersignCommitment({ user, input: signInput(formData), meta }), '已会签，承诺书已锁定');
}
