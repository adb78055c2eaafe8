import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '@/lib/server/auth/session';
import { orNotFound } from '@/lib/server/page-guard';
import { getPlan } from '@/lib/server/plans/get-plan';
import { loadDirectory } from '@/lib/server/plans/load-directory';
import { PLAN_KIND_LABELS } from '@/lib/core/schemas/plan';
import { idSchema } from '@/lib/core/schemas/common';
import { documentMarks, splitPoints } from '@/lib/core/plan/review-document';
import { itemsWithNextSibling, reviewSummary } from '@/lib/core/plan/review-summary';
import type { Proposal } from '@/lib/core/plan/proposal';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';
import { yearSourceLabel } from '@/lib/core/plan/year';
import { draftIsTraditional } from '@/lib/core/plan/simplify-draft';
import { draftTextVersion } from '@/lib/server/plans/simplify-plan-draft';
import { DocumentPane } from './document-pane';
import { DocumentText } from './document-text';
import { DirectoryProvider } from './directory-context';
import { PlanItemCard, type ReviewItemView } from './plan-item-card';
import { PublishedItem } from './published-item';
import { ReviewSummaryBar } from './review-summary-bar';
import { SimplifyNotice } from './simplify-notice';
import styles from './review.module.css';

export const metadata: Metadata = { title: '计划分解审核' };

const paramsSchema = z.object({ id: idSchema });

export default async function PlanReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const [plan, { units, leaders }] = await Promise.all([
    orNotFound(getPlan({ user, planId: parsed.data.id })),
    loadDirectory(),
  ]);
  const directory = { units: units.map(({ id, name, shortName }) => ({ id, name, shortName })), leaders };
  const draft = plan.status === 'DRAFT';
  const withNext = itemsWithNextSibling(plan.items);
  const items: ReviewItemView[] = plan.items.map((item) => ({
    id: item.id,
    level: item.level,
    numbering: item.numbering,
    kind: item.kind,
    excluded: item.excluded,
    text: item.text,
    proposal: item.proposal as Proposal | null,
    hasNext: withNext.has(item.id),
    splitPoints: draft && item.kind === 'TASK' ? splitPoints(item.text) : [],
  }));
  const marks = documentMarks(
    plan.cleanedText,
    plan.items.map((item) => ({ id: item.id, start: item.spanStart, end: item.spanEnd })),
  );
  const workingText = plan.items.map((item) => ({ id: item.id, text: item.text, heading: item.heading, numbering: item.numbering, proposal: item.proposal as Proposal | null }));
  const traditional = draft && draftIsTraditional(plan.title, workingText);
  const kinds = Object.fromEntries(plan.items.map((item) => [item.id, item.excluded ? 'EXCLUDED' : item.kind]));

  const review = (
    <>
      {traditional && <SimplifyNotice planId={plan.id} version={draftTextVersion({ title: plan.title, items: workingText })} />}
      {draft ? (
        <ReviewSummaryBar planId={plan.id} summary={reviewSummary(items, shanghaiIsoDate(new Date()))} />
      ) : (
        <p className="panel">该计划已发布，分解结果只读；任务在任务台账中跟踪。</p>
      )}
      <div className={styles.panes}>
        <DocumentPane>
          <DocumentText nodes={marks} kinds={kinds} />
        </DocumentPane>
        <section className={styles.tree} aria-label="分解结果">
          <h2>分解结果（{items.length} 项）</h2>
          <ol className={styles.items}>
            {draft
              ? items.map((item) => <PlanItemCard key={item.id} planId={plan.id} item={item} />)
              : plan.items.map((item) => <PublishedItem key={item.id} item={item} />)}
          </ol>
        </section>
      </div>
    </>
  );

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{plan.title}</h1>
          <div className="actions small muted">
            {draft ? <span className="badge yellow">草稿</span> : <span className="badge green">已发布</span>}
            <span>
              {plan.year} 年度
              {yearSourceLabel(plan.yearSource) && `（年份来自${yearSourceLabel(plan.yearSource)}）`}
            </span>
            <span>{PLAN_KIND_LABELS[plan.kind]}</span>
            {plan.sourceName && <span>{plan.sourceName}</span>}
          </div>
        </div>
        <div className="actions">
          <Link className="button secondary" href="/plans">
            返回计划列表
          </Link>
          {!draft && (
            <Link className="button" href={`/tasks?planId=${plan.id}`}>
              查看 {plan._count.tasks} 项任务
            </Link>
          )}
        </div>
      </div>
      {/* The directory goes to the browser once, for every editor of a draft. */}
      {draft ? <DirectoryProvider directory={directory}>{review}</DirectoryProvider> : review}
    </>
  );
}
