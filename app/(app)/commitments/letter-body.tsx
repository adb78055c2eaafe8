import type { CommitmentContent, CommitmentTask } from '@/lib/core/commitment/canonical';
import { targetText } from '@/lib/core/targets/target-text';
import { TASK_IMPORTANCE_LABELS } from '@/lib/core/workflow/task-importance';

function TaskTable({ tasks, caption }: { tasks: CommitmentTask[]; caption: string }) {
  return (
    // A region that scrolls sideways on a phone: focusable so the keyboard can scroll it too.
    <div className="letter-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="letter-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">目标任务</th>
            <th scope="col">量化指标</th>
            <th scope="col">完成时限</th>
            <th scope="col">牵头领导</th>
          </tr>
        </thead>
        <tbody>
          {tasks.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                无
              </td>
            </tr>
          ) : (
            tasks.map((task) => (
              <tr key={task.taskId}>
                <td>{task.seq}</td>
                <td>
                  {task.title}
                  {task.importance ? `（${TASK_IMPORTANCE_LABELS[task.importance]}任务）` : null}
                </td>
                <td>
                  {task.targets.length === 0
                    ? '—'
                    : task.targets.map((target, index) => <div key={index}>{targetText(target.text, target)}</div>)}
                </td>
                <td className="nowrap">{task.deadline}</td>
                <td>{task.leadLeader || '—'}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The letter's text and its two task tables, as on screen and on paper. The preamble numbers its
 * promises 一、二、三, so the tables sit one level below a heading of their own (（一）（二）)
 * rather than starting a second 一、.
 */
export function LetterBody({ content }: { content: CommitmentContent }) {
  return (
    <div className="letter-body">
      {content.preamble
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, index) => (
          <p key={index} className="letter-paragraph">
            {line}
          </p>
        ))}
      <p className="letter-paragraph letter-annex">附：目标任务清单</p>
      <TaskTable tasks={content.leadTasks} caption="（一）牵头任务" />
      <TaskTable tasks={content.coTasks} caption="（二）配合任务" />
    </div>
  );
}
