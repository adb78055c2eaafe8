import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '@/lib/server/auth/session';
import { orNotFound } from '@/lib/server/page-guard';
import { getTask } from '@/lib/server/tasks/get-task';
import { assignableChoices, listTaskChoices } from '@/lib/server/tasks/list-task-choices';
import { idSchema, isoFromDate } from '@/lib/core/schemas/common';
import { storedTargetFigure } from '@/lib/core/targets/stored-target';
import { targetText } from '@/lib/core/targets/target-text';
import { taskAbilities } from '@/lib/server/auth/abilities';
import { CancelTaskForm, EditTaskForm, SplitTaskForm } from './edit-task-forms';

export const metadata: Metadata = { title: '修改任务' };

const paramsSchema = z.object({ id: idSchema });

/** 修改 / 拆分 / 撤销 a published task (督查室). To anyone else, or for a cancelled task, the page does not exist. */
export default async function EditTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const task = await orNotFound(getTask({ user, taskId: parsed.data.id }));
  const may = taskAbilities(user, { status: task.status, leadUnitId: task.leadUnitId, coUnitIds: task.coUnits.map((c) => c.unitId) });
  if (!may.edit) notFound();
  const choices = assignableChoices(await listTaskChoices({ user }), [task.leadUnitId, ...task.coUnits.map((c) => c.unitId)]);

  const values = {
    id: task.id,
    version: task.version,
    title: task.title,
    description: task.description ?? '',
    leadUnitId: task.leadUnitId,
    coUnitIds: task.coUnits.map((c) => c.unitId),
    leaderIds: task.leaders.map((l) => l.leaderId),
    startDate: isoFromDate(task.startDate),
    deadline: isoFromDate(task.deadline),
    cadence: task.cadence,
    importance: task.importance,
    targets: task.targets.map((t) => ({ id: t.id, metric: t.metric, ...storedTargetFigure(t) })),
  };

  return (
    <>
      <div className="page-head">
        <div>
          <div className="muted small">{task.code}</div>
          <h1>修改任务</h1>
        </div>
        <Link href={`/tasks/${task.id}`} className="button secondary">
          返回任务
        </Link>
      </div>

      <section className="panel" aria-label="修改任务内容">
        <h2>修改任务内容</h2>
        <p className="muted small">保存后，新增或移出的单位和仍承担该任务的单位都会收到通知；已签署的承诺书如列有该任务，将显示为需重新签署。</p>
        <EditTaskForm task={values} choices={choices} />
      </section>

      {may.split && (
        <section className="panel" aria-label="拆分任务">
          <h2>拆分任务</h2>
          <p className="muted small">拆分为两项或多项新任务（分别交办），原任务撤销并注明“拆分为 …”。</p>
          <SplitTaskForm
            task={values}
            units={choices.units}
            targets={task.targets.map((t) => ({ id: t.id, text: targetText(t.metric, storedTargetFigure(t)) }))}
          />
        </section>
      )}

      {may.cancel && (
        <section className="panel" aria-label="撤销任务">
          <h2>撤销任务</h2>
          <p className="muted small">撤销后任务保留在台账（按“已撤销”筛选可见），不再计入排名、统计和三色灯，也不再接受进度报送。</p>
          <CancelTaskForm taskId={task.id} version={task.version} />
        </section>
      )}
    </>
  );
}
