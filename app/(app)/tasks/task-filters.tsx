import Form from 'next/form';
import Link from 'next/link';
import { TASK_LIGHT_FILTERS, TASK_SEARCH_MAX_LENGTH, TASK_LIST_PAGE_SIZES, DEFAULT_TASK_LIST_PARAMS, taskListQuery, type TaskListParams } from '@/lib/core/schemas/task-list';
import type { TaskChoices } from '@/lib/server/tasks/list-task-choices';
import { LIGHT_LABELS } from '@/lib/core/schedule/progress';
import { TASK_STATUS_LABELS, TASK_STATUSES } from '@/lib/core/workflow/task-status';
import styles from './tasks.module.css';
import { SearchInput } from '@/app/_components/search-input';

/** A GET form: the filters live in the URL, so a filtered list can be bookmarked, shared and exported. */
export function TaskFilters({ params, choices }: { params: TaskListParams; choices: TaskChoices }) {
  return (
    // Re-mount on every URL change so the controls show the URL's values (e.g. after 重置).
    <Form action="/tasks" className="filters panel" key={taskListQuery(params)} aria-label="筛选任务">
      <label>
        搜索
        <SearchInput defaultValue={params.q ?? ''} placeholder="任务名称、编号或原文" maxLength={TASK_SEARCH_MAX_LENGTH} />
      </label>
      <label>
        计划
        <select name="planId" defaultValue={params.planId ?? ''}>
          <option value="">全部计划</option>
          {choices.plans.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        单位（牵头或配合）
        <select name="unitId" defaultValue={params.unitId ?? ''}>
          <option value="">全部单位</option>
          {choices.units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.shortName}
            </option>
          ))}
        </select>
      </label>
      <label>
        牵头领导
        <select name="leaderId" defaultValue={params.leaderId ?? ''}>
          <option value="">全部领导</option>
          {choices.leaders.map((leader) => (
            <option key={leader.id} value={leader.id}>
              {leader.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        三色
        <select name="light" defaultValue={params.light ?? ''}>
          <option value="">全部</option>
          {TASK_LIGHT_FILTERS.map((light) => (
            <option key={light} value={light}>
              {light === 'done' ? LIGHT_LABELS.done : `${LIGHT_LABELS[light]}灯`}
            </option>
          ))}
        </select>
      </label>
      <label>
        完成时限从
        <input type="date" name="deadlineFrom" defaultValue={params.deadlineFrom ?? ''} />
      </label>
      <label>
        完成时限至
        <input type="date" name="deadlineTo" defaultValue={params.deadlineTo ?? ''} />
      </label>
      <fieldset className={styles.checks}>
        <legend>状态（不选时不含已撤销）</legend>
        {TASK_STATUSES.map((status) => (
          <label key={status} className={styles.check}>
            <input type="checkbox" name="status" value={status} defaultChecked={params.status.includes(status)} />
            {TASK_STATUS_LABELS[status]}
          </label>
        ))}
        <label className={styles.check}>
          <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdue} />
          仅看逾期
        </label>
      </fieldset>
      <label>
        每页
        <select name="pageSize" defaultValue={String(params.pageSize)}>
          {TASK_LIST_PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size} 条
            </option>
          ))}
        </select>
      </label>
      {params.sort !== DEFAULT_TASK_LIST_PARAMS.sort && <input type="hidden" name="sort" value={params.sort} />}
      {params.dir !== DEFAULT_TASK_LIST_PARAMS.dir && <input type="hidden" name="dir" value={params.dir} />}
      <div className={styles.buttons}>
        <button type="submit">筛选</button>
        <Link className="button secondary" href="/tasks">
          重置
        </Link>
      </div>
    </Form>
  );
}
