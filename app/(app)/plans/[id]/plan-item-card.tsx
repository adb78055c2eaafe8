'use client';

import { startTransition, useActionState, useMemo, useState, type FormEvent } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, type FormState } from '@/app/_components/form-feedback';
import { MultiSelect } from '@/app/_components/multi-select';
import type { Proposal } from '@/lib/core/plan/proposal';
import type { SplitPoint } from '@/lib/core/plan/review-document';
import { changedFieldGroups, proposalFormValues } from '@/lib/core/forms/plan-item-form';
import { comparatorOptionLabel, TARGET_COMPARATORS } from '@/lib/core/targets/comparator';
import { editPlanItemAction } from './actions';
import { useDirectory } from './directory-context';
import { PlanItemFrame } from './plan-item-frame';
import { PLAN_ITEM_KIND_LABELS } from '@/lib/core/plan/review-summary';
import styles from './review.module.css';

export type ReviewItemView = {
  id: string;
  level: number;
  numbering: string | null;
  kind: 'SECTION' | 'TASK' | 'REVIEW';
  excluded: boolean;
  text: string;
  proposal: Proposal | null;
  /** A later item of the same parent exists, so 合并下一项 is possible. */
  hasNext: boolean;
  splitPoints: SplitPoint[];
};

const LEAD_SOURCE_HINTS: Record<NonNullable<Proposal['leadUnitSource']>, string> = {
  document: '文中指定',
  inherited: '沿用上级标题的牵头单位',
  correction: '按此前的更正推荐，请确认',
  mention: '按文中提到的单位推荐，请确认',
  keyword: '按职责关键词推荐，请确认',
  reviewer: '已人工指定',
};

/**
 * One item of a draft in the tree. Every small form here posts to the same action with its `op`;
 * the editor remounts whenever the server's copy of the item changes, so it always shows what
 * was saved, while the outcome message lives on in this card.
 */
export function PlanItemCard({ planId, item }: { planId: string; item: ReviewItemView }) {
  const [state, dispatch, pending] = useActionState(editPlanItemAction, INITIAL_FORM_STATE);
  const [notice, setNotice] = useState('');
  const contentKey = useMemo(() => JSON.stringify([item.kind, item.excluded, item.text, item.proposal]), [item]);
  const publishable = item.kind === 'TASK' && !item.excluded;

  function send(op: string, fill?: (form: FormData) => boolean) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = new FormData(event.currentTarget);
      if (fill && !fill(form)) return;
      setNotice('');
      form.set('op', op);
      form.set('itemId', item.id);
      form.set('planId', planId);
      startTransition(() => dispatch(form));
    };
  }

  return (
    <PlanItemFrame
      item={item}
      badges={
        <>
          {publishable && !item.proposal?.leadUnitId && (
            <span className="badge red" title="没有足够依据推荐牵头单位，请指定">
              待分配
            </span>
          )}
          {item.proposal?.decomposed && <span className="badge yellow">已按主题分解，子任务见下</span>}
        </>
      }
    >

      {publishable && item.proposal && (
        <ItemEditor key={contentKey} proposal={item.proposal} state={state} pending={pending} onNoChange={() => setNotice('没有需要保存的修改')} send={send} />
      )}

      <div className={styles.itemActions}>
        <form onSubmit={send('kind')} className={styles.inline}>
          <select name="kind" defaultValue={item.kind} aria-label="类型" key={item.kind}>
            {(Object.keys(PLAN_ITEM_KIND_LABELS) as (keyof typeof PLAN_ITEM_KIND_LABELS)[]).map((kind) => (
              <option key={kind} value={kind}>
                {PLAN_ITEM_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary" disabled={pending}>
            更改类型
          </button>
        </form>
        <form onSubmit={send(item.excluded ? 'include' : 'exclude')}>
          <button type="submit" className="secondary" disabled={pending}>
            {item.excluded ? '取消排除' : '排除'}
          </button>
        </form>
        {item.hasNext && (
          <form onSubmit={send('merge')}>
            <button type="submit" className="secondary" disabled={pending}>
              合并下一项
            </button>
          </form>
        )}
        {item.kind === 'TASK' && (
          <form onSubmit={send('decompose')}>
            <button type="submit" className="secondary" disabled={pending} title="一段含多个主题时，按主题分为子任务，各自推荐责任单位">
              按主题分解
            </button>
          </form>
        )}
        {item.proposal?.decomposed && (
          <form onSubmit={send('recompose')}>
            <button type="submit" className="secondary" disabled={pending}>
              子任务合并为一项
            </button>
          </form>
        )}
        {item.splitPoints.length > 0 && (
          <form onSubmit={send('split')} className={styles.inline}>
            <select name="at" aria-label="拆分位置" defaultValue={item.splitPoints[0]!.at}>
              {item.splitPoints.map((point) => (
                <option key={point.at} value={point.at}>
                  {point.label}
                </option>
              ))}
            </select>
            <button type="submit" className="secondary" disabled={pending}>
              拆分
            </button>
          </form>
        )}
      </div>
      {pending ? (
        <p className="muted small" role="status">
          保存中…
        </p>
      ) : notice ? (
        <p className="form-message" role="status">
          {notice}
        </p>
      ) : (
        <FormMessage state={state} />
      )}
    </PlanItemFrame>
  );
}

function ItemEditor({
  proposal,
  state,
  pending,
  onNoChange,
  send,
}: {
  proposal: Proposal;
  state: FormState;
  pending: boolean;
  onNoChange: () => void;
  send: (op: string, fill: (form: FormData) => boolean) => (event: FormEvent<HTMLFormElement>) => void;
}) {
  const { units, leaders } = useDirectory();
  const initial = useMemo(() => proposalFormValues(proposal), [proposal]);
  const [dirty, setDirty] = useState(false);
  const words = proposal.ownerWords;
  const coReasons = proposal.reasons?.coUnits ?? {};
  const leaderReasons = proposal.reasons?.leaders ?? {};

  // Only the changed field groups are sent, so an untouched inferred deadline stays inferred.
  const onSubmit = send('update', (form) => {
    const fields = changedFieldGroups(initial, form);
    if (fields.length === 0) {
      onNoChange();
      return false;
    }
    form.set('fields', fields.join(','));
    return true;
  });

  return (
    <form className={styles.editor} onSubmit={onSubmit} onChange={() => setDirty(true)}>
      <label className={styles.wide}>
        任务名称
        <input name="title" defaultValue={proposal.title} maxLength={500} required />
        <FieldError state={state} name="title" />
      </label>
      <label>
        牵头单位
        <select name="leadUnitId" defaultValue={proposal.leadUnitId ?? ''}>
          <option value="">（未指定）</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
        <span className="small muted">
          {words.leadUnits.length > 0 ? `原文：${words.leadUnits.join('、')}` : '原文未写明'}
          {proposal.leadUnitSource && proposal.leadUnitId ? ` · ${LEAD_SOURCE_HINTS[proposal.leadUnitSource]}` : ''}
          {proposal.leadUnitId && proposal.reasons?.lead && proposal.leadUnitSource !== 'reviewer' ? `（${proposal.reasons.lead}）` : ''}
          {!proposal.leadUnitId && ' · 待分配：没有足够依据推荐'}
        </span>
        <FieldError state={state} name="leadUnitId" />
      </label>
      <label>
        完成时限
        <input type="date" name="deadline" defaultValue={proposal.deadline.date} required />
        <span className="small muted">
          {proposal.deadline.stated
            ? `原文写有多个时限：${proposal.deadline.stated.map((d) => `「${d.text}」${d.date}`).join('、')}，取最晚的${stepTargets(proposal)}`
            : proposal.deadline.text
              ? `原文：「${proposal.deadline.text}」`
              : '原文未写明时限'}
          {proposal.deadline.basis && ` → ${proposal.deadline.date}（${proposal.deadline.basis}）`}
          {proposal.deadline.inferred && (
            <>
              {' '}
              <span className="badge yellow">推断</span>
            </>
          )}
        </span>
        <FieldError state={state} name="deadline" />
      </label>
      <details className={styles.wide}>
        <summary>
          配合单位 {proposal.coUnitIds.length} · 牵头领导 {proposal.leaderIds.length} · 量化指标 {proposal.targets.length}
        </summary>
        {/* Chips are removed with a button, which sends no change event: any click may edit. */}
        <div className={styles.more} onClickCapture={() => setDirty(true)}>
          <div>
            <input type="hidden" name="coUnitIds.shown" value="1" />
            <MultiSelect
              name="coUnitIds"
              label="配合单位"
              choices={units.map((unit) => ({ id: unit.id, label: unit.shortName || unit.name, hint: coReasons[unit.id] ? `建议：${coReasons[unit.id]}` : undefined }))}
              defaultSelected={proposal.coUnitIds}
              state={state}
            />
            <SuggestionReasons ids={proposal.coUnitIds} reasons={coReasons} names={new Map(units.map((u) => [u.id, u.shortName || u.name]))} />
            {words.coUnits.length > 0 && <span className="small muted">原文：{words.coUnits.join('、')}</span>}
          </div>
          <div>
            <input type="hidden" name="leaderIds.shown" value="1" />
            <MultiSelect
              name="leaderIds"
              label="牵头领导"
              choices={leaders.map((leader) => ({ id: leader.id, label: `${leader.name}${leader.title ? `（${leader.title}）` : ''}`, hint: leaderReasons[leader.id] ? `建议：${leaderReasons[leader.id]}` : undefined }))}
              defaultSelected={proposal.leaderIds}
              state={state}
            />
            <SuggestionReasons ids={proposal.leaderIds} reasons={leaderReasons} names={new Map(leaders.map((l) => [l.id, l.name]))} />
            {words.leaders.length > 0 && <span className="small muted">原文：{words.leaders.join('、')}</span>}
          </div>
          <TargetRows targets={proposal.targets} state={state} onChange={() => setDirty(true)} />
        </div>
      </details>
      <div className="actions">
        <button type="submit" disabled={pending || !dirty}>
          {pending ? '保存中…' : '保存'}
        </button>
      </div>
    </form>
  );
}

/** Which of the chosen owners are the importer's suggestions, and why (the words that matched). */
function SuggestionReasons({ ids, reasons, names }: { ids: string[]; reasons: Record<string, string>; names: Map<string, string> }) {
  const suggested = ids.filter((id) => reasons[id]);
  if (suggested.length === 0) return null;
  return (
    <ul className="small muted" data-testid="owner-reasons">
      {suggested.map((id) => (
        <li key={id}>
          {names.get(id) ?? id}：建议（{reasons[id]}）
        </li>
      ))}
    </ul>
  );
}

/** Which targets have a deadline of their own clause, e.g. "；「开工90%以上」6月底前". */
function stepTargets(proposal: Proposal): string {
  const own = proposal.targets.filter((t) => t.deadline);
  return own.length ? `；${own.map((t) => `「${t.metric}」${t.deadline!.date}`).join('、')}` : '';
}

type TargetRow = Proposal['targets'][number] & { key: number };

function TargetRows({ targets, state, onChange }: { targets: Proposal['targets']; state: FormState; onChange: () => void }) {
  const [rows, setRows] = useState<TargetRow[]>(() => targets.map((target, key) => ({ ...target, key })));
  const [nextKey, setNextKey] = useState(targets.length);

  function add() {
    setRows([...rows, { key: nextKey, metric: '', comparator: '>=', value: null, valueMax: null, unit: '', placeholder: false }]);
    setNextKey(nextKey + 1);
    onChange();
  }

  function remove(key: number) {
    setRows(rows.filter((row) => row.key !== key));
    onChange();
  }

  return (
    <fieldset className={styles.targets}>
      <legend>量化指标</legend>
      <input type="hidden" name="targets.shown" value="1" />
      {rows.length === 0 && <p className="small muted">无量化指标</p>}
      {rows.map((row, index) => (
        <div key={row.key} className={styles.targetRow} data-testid="target-row">
          <label className={styles.metric}>
            指标
            <input name={`targets.${index}.metric`} defaultValue={row.metric} maxLength={300} />
            <FieldError state={state} name={`targets.${index}.metric`} />
          </label>
          <button type="button" className="secondary" onClick={() => remove(row.key)}>
            删除
          </button>
          <label>
            比较
            <select name={`targets.${index}.comparator`} defaultValue={row.comparator}>
              {TARGET_COMPARATORS.map((comparator) => (
                <option key={comparator} value={comparator}>
                  {comparatorOptionLabel(comparator)}
                </option>
              ))}
            </select>
          </label>
          <label>
            目标值
            <input name={`targets.${index}.value`} defaultValue={row.value ?? ''} inputMode="decimal" />
            <FieldError state={state} name={`targets.${index}.value`} />
          </label>
          <label>
            上限（区间）
            <input name={`targets.${index}.valueMax`} defaultValue={row.valueMax ?? ''} inputMode="decimal" />
            <FieldError state={state} name={`targets.${index}.valueMax`} />
          </label>
          <label>
            单位
            <input name={`targets.${index}.unit`} defaultValue={row.unit} maxLength={20} />
          </label>
          <label className={styles.check}>
            <input type="checkbox" name={`targets.${index}.placeholder`} defaultChecked={row.placeholder} /> 待定值
          </label>
        </div>
      ))}
      <FieldError state={state} name="targets" />
      <button type="button" className="secondary" onClick={add}>
        添加指标
      </button>
    </fieldset>
  );
}
