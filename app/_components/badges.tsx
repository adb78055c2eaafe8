import { LIGHT_LABELS, type TrafficLight } from '@/lib/core/schedule/progress';
import { TASK_STATUS_LABELS, type TaskStatus } from '@/lib/core/workflow/task-status';

export function LightBadge({ light }: { light: TrafficLight }) {
  const tone = light === 'done' || light === 'cancelled' ? '' : light;
  return (
    <span className={`badge ${tone}`} data-light={light}>
      <span className={`dot ${tone}`} /> {LIGHT_LABELS[light]}
    </span>
  );
}

export function StatusBadge({ status }: { status: TaskStatus }) {
  return <span className="badge" data-status={status}>{TASK_STATUS_LABELS[status]}</span>;
}
