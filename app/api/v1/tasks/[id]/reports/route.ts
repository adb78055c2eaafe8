import { apiRoute, readJsonBody } from '@/lib/server/api/api-route';
import { pathId } from '@/lib/server/api/api-params';
import { reportView } from '@/lib/server/api/api-views';
import { listTaskTimeline, type TimelineReport } from '@/lib/server/tasks/list-task-timeline';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';

/** GET /api/v1/tasks/{id}/reports: the task's progress reports, newest first. */
export const GET = apiRoute<{ id: string }>('READ', async ({ caller, params }) => {
  const timeline = await listTaskTimeline({ user: caller.user, taskId: pathId(params.id) });
  return { items: timeline.filter((entry): entry is TimelineReport => entry.kind === 'report').map(reportView) };
});

/**
 * POST /api/v1/tasks/{id}/reports: files a progress report as the report form does (same schema,
 * same data-layer function); the body is the form's fields as JSON, without attachments.
 */
export const POST = apiRoute<{ id: string }>(
  'REPORT',
  async ({ caller, request, params, ip }) => {
    const taskId = pathId(params.id);
    const body = await readJsonBody(request);
    const input = typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, taskId } : body;
    const report = await fileProgressReport({ user: caller.user, input, ip });
    const timeline = await listTaskTimeline({ user: caller.user, taskId });
    const filed = timeline.find((entry): entry is TimelineReport => entry.kind === 'report' && entry.id === report.id);
    return reportView(filed!);
  },
  { status: 201 },
);
