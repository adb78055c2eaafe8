'use server';

import { revalidatePath } from 'next/cache';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { saveAssessmentScheme } from '@/lib/server/assessment/save-assessment-scheme';
import { runAssessment } from '@/lib/server/assessment/run-assessment';
import { adjustAssessment } from '@/lib/server/assessment/adjust-assessment';
import { approveAssessment } from '@/lib/server/assessment/approve-assessment';
import { publishAssessment } from '@/lib/server/assessment/publish-assessment';
import { parseSchemeFile, SHIPPED_SCHEMES } from '@/lib/core/assessment/scheme';
import { schemeFromFields } from '@/lib/core/assessment/scheme-form';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : null;
};

async function act(work: (ip: string | null) => Promise<unknown>, message: string): Promise<ActionState> {
  const { ip } = await requestMeta();
  const state = await runAction(() => work(ip), message);
  if (state.ok) revalidatePath('/assessment', 'layout');
  return state;
}

/** Saves the 考核办法 as edited in the form. */
export async function saveSchemeAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser((user) =>
    act(
      (ip) => saveAssessmentScheme({ user, ip, input: { year: text(form, 'year'), version: text(form, 'version'), scheme: schemeFromFields((name) => text(form, name)) } }),
      '考核办法已保存',
    ),
  );
}

/** Replaces the year's scheme with a shipped one or an uploaded file (then edited like any other). */
export async function replaceSchemeAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const file = form.get('file');
    let scheme: unknown;
    if (file instanceof File && file.size > 0) {
      if (file.size > 100_000) return { ok: false, message: '文件过大', fieldErrors: {} };
      const parsed = parseSchemeFile(await file.text());
      if (!parsed.ok) return { ok: false, message: parsed.message, fieldErrors: { file: [parsed.message] } };
      scheme = parsed.scheme;
    } else {
      scheme = SHIPPED_SCHEMES[Number(text(form, 'shipped'))];
      if (!scheme) return { ok: false, message: '请选择考核办法或文件', fieldErrors: {} };
    }
    return act((ip) => saveAssessmentScheme({ user, ip, input: { year: text(form, 'year'), version: text(form, 'version'), scheme } }), '考核办法已替换');
  });
}

export async function runAssessmentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser((user) => act((ip) => runAssessment({ user, ip, input: { year: text(form, 'year'), asOf: text(form, 'asOf') } }), '考核结果已计算'));
}

export async function adjustAssessmentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser((user) =>
    act(
      (ip) =>
        adjustAssessment({
          user,
          ip,
          input: { year: text(form, 'year'), version: text(form, 'version'), unitId: text(form, 'unitId'), points: text(form, 'points'), reason: text(form, 'reason') },
        }),
      '得分调整已保存',
    ),
  );
}

export async function approveAssessmentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser((user) => act((ip) => approveAssessment({ user, ip, input: { year: text(form, 'year'), version: text(form, 'version') } }), '考核结果已审定'));
}

export async function publishAssessmentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser((user) => act((ip) => publishAssessment({ user, ip, input: { year: text(form, 'year'), version: text(form, 'version') } }), '考核结果已公布'));
}
