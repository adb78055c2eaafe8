'use client';

import { useActionState } from 'react';
import { FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { simplifyPlanAction } from './actions';

/** A draft written in traditional characters: the offer to convert its working text (the document stays as written). */
export function SimplifyNotice({ planId, version }: { planId: string; version: string }) {
  const [state, action] = useActionState(simplifyPlanAction, INITIAL_FORM_STATE);
  return (
    <section className="panel" aria-label="繁体文档" data-testid="simplify-notice">
      <p>该文件使用繁体字。可将分解结果（任务名称、条目文本、目标和时限的文字）转换为简体，便于任务、搜索和导出统一；左侧原文保持不变。</p>
      <form action={action}>
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="version" value={version} />
        <SubmitButton>转换为简体</SubmitButton>
        <FormMessage state={state} />
      </form>
    </section>
  );
}
