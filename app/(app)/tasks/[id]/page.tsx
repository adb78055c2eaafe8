import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '@/lib/server/auth/session';
import { orNotFound } from '@/lib/server/page-guard';
import { getTask } from '@/lib/server/tasks/get-task';
import { listTaskTimeline, type TimelineExtension, type TimelineReport } from '@/lib/server/tasks/list-task-timeline';
import { LightBadge, StatusBadge } from '@/app/_components/badges';
import { idSchema, isoFromDate } from '@/lib/core/schemas/common';
import { CADENCE_LABELS, isCalendarCadence, periodLabel } from '@/lib/core/schedule/cadence';
import { TASK_IMPORTANCE_LABELS } from '@/lib/core/workflow/task-importance';
import { isMeasurableTarget, LIGHT_REASON_LABELS, targetCompletion } from '@/lib/core/schedule/progress';
import { reportPeriodChoices } from '@/lib/core/schedule/report-period';
import { taskSchedule } from '@/lib/core/schedule/task-schedule';
import { dayNumberFromIsoDate, isoDateFromDayNumber, shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';
import { numberFromDecimal, storedTargetFigure } from '@/lib/core/targets/stored-target';
import { targetGoalText, targetText } from '@/lib/core/targets/target-text';
import { taskAbilities } from '@/lib/server/auth/abilities';
import { InstructionsBanner, SupervisionPanel } from './supervision-panel';
import { ReportSummary, TaskTimeline } from './task-timeline';
import { ExtensionDecisionForm, ExtensionRequestForm, ReportForm, ReviewReportForm, TransitionForm } from './workflow-forms';
import { TargetAchievementChart } from '@/app/_components/target-achievement-chart';
import styles from './task-page.module.css';

export const metadata: Metadata = { title: '任务详情' };

const paramsSchema = z.object({ id: idSchema });

function ProgressBar({ label, value, tone }: { label: string; value: number; tone?: string }) {
  const shown = Math.round(value);
  return (
    <div className={styles.bar}>
      <span>{label}</span>
      <span className={styles.track} role="progressbar" aria-label={label} aria-valuenow={shown} aria-valuemin={0} aria-valuemax={100}>
        <span className={`${styles.fill} ${tone ?? ''}`} style={{ width: `${Math.min(100, Math.max(0, value))}%` }} />
      </span>
      <span className={styles.value}>{shown}%</span>
    </div>
  );
}

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const taskId = parsed.data.id;
  // Out of scope and missing look the same: the not-found page, with a 404.
  const [task, timeline] = await orNotFound(Promise.all([getTask({ user, taskId }), listTaskTimeline({ user, taskId })]));

  const today = new Date();
  const schedule = taskSchedule({
    status: task.status,
    cadence: task.cadence,
    startDate: task.startDate,
    deadline: task.deadline,
    lastReportAt: task.lastReportAt,
    actual: task.progressPercent,
    today,
  });

  const targets = task.targets.map((t) => {
    const target = { ...storedTargetFigure(t), actual: numberFromDecimal(t.actualValue) };
    // label: the phrase with its figure, so two targets read from one phrase (13个…和7个…) are told apart in forms and reports.
    return { ...target, id: t.id, metric: t.metric, label: targetText(t.metric, target), goal: targetGoalText(target) ?? '待定', deadline: t.deadline ? isoFromDate(t.deadline) : null, completion: t.placeholder ? null : targetCompletion(target), measurable: isMeasurableTarget(target) };
  });
  const targetNames = new Map(targets.map((t) => [t.id, { metric: t.label, unit: t.unit }]));

  const pendingReports = timeline.filter((e): e is TimelineReport => e.kind === 'report' && e.reviewState === 'PENDING');
  const pendingExtension = timeline.find((e): e is TimelineExtension => e.kind === 'extension' && e.decision === 'PENDING');
  const may = taskAbilities(
    user,
    { status: task.status, leadUnitId: task.leadUnitId, coUnitIds: task.coUnits.map((c) => c.unitId) },
    { pendingClosureReport: pendingReports.some((r) => r.closureRequest), pendingExtension: pendingExtension !== undefined },
  );
  const { actor } = may;
  const deadlineIso = isoFromDate(task.deadline);
  const nextDay = isoDateFromDayNumber(dayNumberFromIsoDate(deadlineIso) + 1);
  const source = task.sourceText ?? task.planItem?.text ?? null;

  return (
    <>
      <div className="page-head">
        <div>
          <div className={styles.code}>{task.code}</div>
          <h1 className={styles.title}>{task.title}</h1>
        </div>
        <div className={styles.badges} data-testid="task-badges">
          <StatusBadge status={task.status} />
          {schedule.light !== 'cancelled' && <LightBadge light={schedule.light} />}
          {schedule.overdue && <span className="badge red">已逾期</span>}
          {schedule.missedPeriodKey && <span className="badge yellow">{periodLabel(schedule.missedPeriodKey)}未报送</span>}
        </div>
      </div>

      {task.status === 'CANCELLED' && (
        <section className="panel" aria-label="撤销说明">
          <p>
            <strong>该任务已撤销</strong>
            {task.cancelledAt && <span className="muted small">（{shanghaiIsoDate(task.cancelledAt)}）</span>}：{task.cancelReason}
          </p>
        </section>
      )}
      {(task.splitFrom || task.splitInto.length > 0) && (
        <section className="panel" aria-label="拆分关系">
          {task.splitFrom && (
            <p>
              由 <Link href={`/tasks/${task.splitFrom.id}`}>{task.splitFrom.code} {task.splitFrom.title}</Link> 拆分而来
            </p>
          )}
          {task.splitInto.length > 0 && (
            <p>
              已拆分为：
              {task.splitInto.map((part, index) => (
                <span key={part.id}>
                  {index > 0 && '、'}
                  <Link href={`/tasks/${part.id}`}>
                    {part.code} {part.title}
                  </Link>
                </span>
              ))}
            </p>
          )}
        </section>
      )}

      <InstructionsBanner taskId={task.id} user={user} />

      <section className="panel" aria-label="任务信息">
        <dl className={styles.facts}>
          <div>
            <dt>牵头单位</dt>
            <dd>{task.leadUnit.name}</dd>
          </div>
          <div>
            <dt>配合单位</dt>
            <dd>{task.coUnits.length ? task.coUnits.map((c) => c.unit.shortName).join('、') : '—'}</dd>
          </div>
          <div>
            <dt>分管领导</dt>
            <dd>{task.leaders.length ? task.leaders.map((l) => `${l.leader.name}${l.leader.title ? `（${l.leader.title}）` : ''}`).join('、') : '—'}</dd>
          </div>
          <div>
            <dt>开始日期</dt>
            <dd>{isoFromDate(task.startDate)}</dd>
          </div>
          <div>
            <dt>完成时限</dt>
            <dd data-testid="task-deadline">
              {deadlineIso}
              {task.deadlineText && <span className="muted small">（原文：{task.deadlineText}）</span>}{' '}
              {task.deadlineInferred && <span className="badge yellow">推断</span>}
            </dd>
          </div>
          <div>
            <dt>调度频次</dt>
            <dd>
              {CADENCE_LABELS[task.cadence]}
              {task.lastReportAt && <span className="muted small">（最近报送 {shanghaiIsoDate(task.lastReportAt)}）</span>}
            </dd>
          </div>
          <div>
            <dt>重要程度</dt>
            <dd data-testid="task-importance">{TASK_IMPORTANCE_LABELS[task.importance]}</dd>
          </div>
        </dl>
        {may.edit && (
          <div className="actions">
            <Link href={`/tasks/${task.id}/edit`} className="button secondary">
              {may.cancel ? '修改 / 拆分 / 撤销' : '修改任务'}
            </Link>
          </div>
        )}
        {schedule.reasons.length > 0 && schedule.light !== 'done' && schedule.light !== 'cancelled' && (
          <p className="small">提示：{schedule.reasons.map((r) => LIGHT_REASON_LABELS[r]).join('、')}</p>
        )}
      </section>

      {task.description && (
        <section className="panel" aria-label="任务说明">
          <h2>任务说明</h2>
          <p className={styles.description}>{task.description}</p>
        </section>
      )}

      {(source || task.plan) && (
        <section className="panel" aria-label="任务来源">
          <h2>任务来源</h2>
          {task.plan && (
            <p className="small muted">
              {task.plan.title}
              {task.planItem?.numbering ? ` · ${task.planItem.numbering}` : ''}
            </p>
          )}
          {source && <blockquote className={styles.source}>{source}</blockquote>}
        </section>
      )}

      <section className="panel" aria-label="进度">
        <h2>进度</h2>
        <div className={styles.bars}>
          <ProgressBar label="序时进度" value={schedule.expected} tone={styles.fillExpected} />
          <ProgressBar label="实际进度" value={schedule.actual} tone={schedule.light === 'done' || schedule.light === 'cancelled' ? undefined : styles[schedule.light]} />
        </div>
        {task.reportedPercent !== null && Math.round(task.reportedPercent) !== Math.round(schedule.actual) && (
          <p className="muted small" data-testid="progress-note">
            实际进度按各项指标的完成情况计算；牵头单位最近一次自报 {Math.round(task.reportedPercent)}%。
          </p>
        )}
        {targets.some((t) => t.measurable) && (
          <TargetAchievementChart
            label="指标完成情况"
            rows={targets
              .filter((t) => t.measurable)
              .map((t) => ({ name: t.metric, completion: t.completion ?? 0, actual: t.actual, unit: t.unit, goal: t.goal }))}
          />
        )}
        {targets.length > 0 && (
          <div className="table-wrap">
            <table aria-label="目标指标">
              <thead>
                <tr>
                  <th>指标</th>
                  <th>目标</th>
                  <th className={styles.num}>实际</th>
                  <th className={styles.num}>完成度</th>
                </tr>
              </thead>
              <tbody>
                {targets.map((t) => (
                  <tr key={t.id}>
                    <td>{t.metric}</td>
                    <td>
                      {t.goal}
                      {t.deadline && <span className="small muted">（{t.deadline}前）</span>}
                    </td>
                    <td className={styles.num}>{t.actual === null ? '—' : `${t.actual}${t.unit}`}</td>
                    <td className={styles.num}>{t.completion === null ? '—' : `${Math.round(t.completion)}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {(may.directActions.length > 0 || may.report || may.requestExtension || (may.reviewReports && pendingReports.length > 0) || may.decideExtension || task.status === 'CLOSURE_REQUESTED') && (
        <section className="panel" aria-label="办理">
          <h2>办理</h2>
          {task.status === 'CLOSURE_REQUESTED' && !may.reviewReports && <p className="muted">已申请销号，等待督查室审核。</p>}
          {may.directActions.length > 0 && (
            <div className={styles.formBlock}>
              {may.directActions.map((action) => (
                <TransitionForm
                  key={action}
                  taskId={task.id}
                  version={task.version}
                  action={action}
                  needsReason={action === 'reopen' || action === 'returnToProgress'}
                />
              ))}
            </div>
          )}
          {may.reviewReports &&
            pendingReports.map((report) => (
              <div key={report.id} className={styles.pending} aria-label={report.closureRequest ? '待审核的销号申请' : '待审核的进度报告'}>
                <ReportSummary report={report} targetNames={targetNames} />
                <ReviewReportForm taskId={task.id} reportId={report.id} version={task.version} closureRequest={report.closureRequest} />
              </div>
            ))}
          {may.decideExtension && pendingExtension && (
            <div className={styles.pending} aria-label="待审批的延期申请">
              <p>
                <strong>延期申请</strong>：{pendingExtension.requester?.name} 申请将完成时限由 {isoFromDate(pendingExtension.previousDeadline)} 延至{' '}
                {isoFromDate(pendingExtension.requestedDeadline)}。理由：{pendingExtension.reason}
              </p>
              <ExtensionDecisionForm taskId={task.id} extensionId={pendingExtension.id} version={task.version} />
            </div>
          )}
          {may.report && (
            <div className={styles.formBlock}>
              <h3>进度报送{actor === 'CO_UNIT' ? '（配合单位）' : ''}</h3>
              <ReportForm
                taskId={task.id}
                version={task.version}
                targets={targets.map(({ id, label, unit, actual }) => ({ id, metric: label, unit, actual }))}
                periods={reportPeriodChoices(task.cadence, task.startDate, today).map((key) => ({ key, label: periodLabel(key) }))}
                milestone={!isCalendarCadence(task.cadence)}
                canRequestClosure={may.requestClosure}
              />
            </div>
          )}
          {may.requestExtension && (
            <div className={styles.formBlock}>
              <h3>延期申请</h3>
              <ExtensionRequestForm taskId={task.id} minDate={nextDay} />
            </div>
          )}
          {pendingExtension && actor === 'LEAD_UNIT' && (
            <p className="muted small">延期申请（延至 {isoFromDate(pendingExtension.requestedDeadline)}）待督查室审批。</p>
          )}
        </section>
      )}

      <SupervisionPanel taskId={task.id} user={user} />

      <section className="panel" aria-label="办理记录">
        <h2>办理记录</h2>
        <TaskTimeline entries={timeline} targetNames={targetNames} />
      </section>

      <p>
        <Link href="/tasks">← 返回任务台账</Link>
      </p>
    </>
  );
}
