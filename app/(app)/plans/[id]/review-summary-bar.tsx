'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import type { ReviewSummary } from '@/lib/core/plan/review-summary';
import { assignMissingLeadUnitsAction, publishPlanAction } from './actions';
import { useDirectory } from './directory-context';
import styles from './review.module.css';

/** Counts, the items that still block publishing, the bulk lead-unit control and 发布. */
export function ReviewSummaryBar({ planId, summary }: { planId: string; summary: ReviewSummary }) {
  const { units } = useDirectory();
  const [fillState, fillAction] = useActionState(assignMissingLeadUnitsAction, INITIAL_FORM_STATE);
  const [publishState, publishAction, publishing] = useActionState(publishPlanAction, INITIAL_FORM_STATE);
  const missing = summary.missingLeadUnit;
  const past = summary.pastDeadline;
  const problems = publishState.fieldErrors.items ?? [];

  return (
    <section className={`panel ${styles.summary}`} aria-label="发布检查" data-testid="review-summary">
      <div className="stats">
        <div className="stat">
          <div className="value" data-testid="count-tasks">{summary.tasks}</div>
          <div className="label">待发布任务项</div>
        </div>
        <div className="stat">
          <div className="value" data-testid="count-excluded">{summary.excluded}</div>
          <div className="label">已排除</div>
        </div>
        <div className={`stat${missing.length ? ' red' : ' green'}`}>
          <div className="value" data-testid="count-missing-lead">{missing.length}</div>
          <div className="label">待分配（未指定牵头单位）</div>
        </div>
      </div>

      {missing.length > 0 && (
        <>
          <p className="small">
            以下任务待分配，还没有牵头单位：
            {missing.map((item, index) => (
              <span key={item.id}>
                {index > 0 && '、'}
                <a href={`#item-${item.id}`}>{item.label}</a>
              </span>
            ))}
          </p>
          <form action={fillAction} className={styles.inline}>
            <input type="hidden" name="planId" value={planId} />
            <label className={styles.inlineLabel}>
              为未指定的任务统一设置牵头单位
              <select name="leadUnitId" required defaultValue="">
                <option value="" disabled>
                  选择单位
                </option>
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            </label>
            <SubmitButton className="secondary" pendingText="设置中…">
              统一设置
            </SubmitButton>
            <FieldError state={fillState} name="leadUnitId" />
          </form>
        </>
      )}
      <FormMessage state={fillState} />

      <form action={publishAction} className={styles.publish}>
        <input type="hidden" name="planId" value={planId} />
        {summary.canPublish && past.length > 0 && (
          <label className="small" data-testid="past-deadlines">
            <input type="checkbox" name="confirmPastDeadlines" required /> {past.length} 项任务的完成时限已过（
            {past.slice(0, 5).map((item, index) => (
              <span key={item.id}>
                {index > 0 && '、'}
                <a href={`#item-${item.id}`}>{item.label}</a>
              </span>
            ))}
            {past.length > 5 && '等'}），确认仍按此发布
          </label>
        )}
        <button type="submit" disabled={publishing || !summary.canPublish}>
          {publishing ? '正在发布…' : `发布 ${summary.tasks} 项任务`}
        </button>
        {publishing && <progress aria-label="发布进度" />}
        {!summary.canPublish && <span className="small muted">{missing.length > 0 ? '请先为所有任务指定牵头单位（或排除该项）' : '没有可发布的任务项'}</span>}
      </form>
      {!publishing && <FormMessage state={publishState} />}
      {problems.length > 0 && (
        <ul className="small">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
