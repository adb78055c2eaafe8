import { cache } from 'react';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { listTaskSupervision, type SupervisionItem } from '@/lib/server/supervision/list-task-supervision';
import { RespondForm, SupervisionForm } from '@/app/_components/supervision-forms';
import { SUPERVISION_KIND_LABELS, type SupervisionKind } from '@/lib/core/schemas/supervision';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';

// The banner and the panel render on the same page: one load per request.
const loadSupervision = cache((taskId: string, user: SessionUser) => listTaskSupervision({ user, taskId }));

/** The task's 批示, newest first, for the top of the task page; nothing when there are none. */
export async function InstructionsBanner({ taskId, user }: { taskId: string; user: SessionUser }) {
  const { instructions } = await loadSupervision(taskId, user);
  if (instructions.length === 0) return null;
  return (
    <section aria-label="领导批示" data-testid="instructions">
      {instructions.map((item) => (
        <div className="instruction" key={item.id}>
          <strong>
            {item.authorName}
            {item.authorTitle ? `（${item.authorTitle}）` : ''}批示：
          </strong>
          {item.text}
          <div className="muted small">{formatShanghaiDateTime(item.createdAt)}</div>
        </div>
      ))}
    </section>
  );
}

function SupervisionEntry({ item, taskId }: { item: SupervisionItem; taskId: string }) {
  return (
    <li data-testid="supervision-entry">
      <div>
        <span className={`badge${item.kind === 'SUPERVISE' ? ' red' : ' yellow'}`}>{SUPERVISION_KIND_LABELS[item.kind]}</span>{' '}
        <strong>{item.authorName}</strong>
        {item.recipientUnit ? ` → ${item.recipientUnit}` : ''} <span className="muted small">{formatShanghaiDateTime(item.createdAt)}</span>
      </div>
      <div>{item.text}</div>
      {item.kind === 'SUPERVISE' && (
        <div className="small">
          答复期限：{item.responseDue}
          {item.escalatedAt && <span className="badge red">已逾期未复，已报分管领导</span>}
        </div>
      )}
      {item.response !== null && (
        <div className="small">
          答复（{item.responderName}，{item.respondedAt ? formatShanghaiDateTime(item.respondedAt) : ''}）：{item.response}
        </div>
      )}
      {item.canRespond && <RespondForm supervisionId={item.id} taskId={taskId} />}
    </li>
  );
}

/**
 * 督办 on the task page: the record of 催办/督办 with their answers, the answer form for an open 督办
 * addressed to the user's unit, and — for the office and leaders — the form to send 催办, 督办 or 批示.
 */
export async function SupervisionPanel({ taskId, user }: { taskId: string; user: SessionUser }) {
  const supervision = await loadSupervision(taskId, user);
  // A leader mostly writes 批示, the office mostly urges: their usual kind comes first.
  const order: SupervisionKind[] = can(user, 'dashboard.leader') ? ['INSTRUCTION', 'URGE', 'SUPERVISE'] : ['URGE', 'SUPERVISE', 'INSTRUCTION'];
  const kinds = order.filter((kind) => (kind === 'INSTRUCTION' ? supervision.canInstruct : supervision.canUrge));
  if (supervision.actions.length === 0 && kinds.length === 0) return null;
  return (
    <section className="panel" aria-label="督办">
      <h2>督办</h2>
      {supervision.actions.length === 0 ? (
        <p className="muted">暂无催办、督办记录。</p>
      ) : (
        <ul className="timeline">
          {supervision.actions.map((item) => (
            <SupervisionEntry key={item.id} item={item} taskId={taskId} />
          ))}
        </ul>
      )}
      {kinds.length > 0 && (
        <>
          <h3>{kinds.map((k) => SUPERVISION_KIND_LABELS[k]).join(' / ')}</h3>
          <SupervisionForm taskId={taskId} kinds={kinds} today={shanghaiIsoDate(new Date())} />
        </>
      )}
    </section>
  );
}
