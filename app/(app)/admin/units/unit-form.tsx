'use client';

import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import { joinList, UNIT_KIND_LABELS, UNIT_KINDS, type DirectoryUnitKind } from '@/lib/core/directory/labels';
import type { ActionState } from '@/lib/server/action-result';
import styles from '../admin.module.css';

export type UnitFormValues = {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: DirectoryUnitKind;
  sortOrder: number;
  active: boolean;
  keywords: string[];
  aliases: string[];
  updatedAt: string;
};

/** New unit (no `unit`) or edit; a refusal keeps what was typed. */
export function UnitForm({
  unit,
  defaultKeywords = [],
  action,
}: {
  unit?: UnitFormValues;
  /** The 职责 keywords the importer uses for a unit of this name while none are kept here. */
  defaultKeywords?: string[];
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const { state, pending, ref, onSubmit } = useKeptForm(action);
  return (
    <form ref={ref} className="stack panel" onSubmit={onSubmit} aria-label={unit ? '编辑单位' : '新建单位'} key={unit?.updatedAt}>
      {unit && (
        <>
          <input type="hidden" name="unitId" value={unit.id} />
          <input type="hidden" name="updatedAt" value={unit.updatedAt} />
        </>
      )}
      <div className={styles.grid}>
        <label>
          编码
          <input name="code" defaultValue={unit?.code} required maxLength={32} pattern="[A-Za-z0-9_\-]+" autoCapitalize="off" />
          <FieldError state={state} name="code" />
        </label>
        <label>
          全称
          <input name="name" defaultValue={unit?.name} required maxLength={100} placeholder="如：县发展和改革局" />
          <FieldError state={state} name="name" />
        </label>
        <label>
          简称
          <input name="shortName" defaultValue={unit?.shortName} maxLength={50} placeholder="留空则同全称" />
          <FieldError state={state} name="shortName" />
        </label>
        <label>
          类型
          <select name="kind" defaultValue={unit?.kind ?? 'DEPARTMENT'}>
            {UNIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {UNIT_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <FieldError state={state} name="kind" />
        </label>
        <label>
          排序
          <input name="sortOrder" type="number" inputMode="numeric" min={0} max={99999} defaultValue={unit?.sortOrder ?? 0} required />
          <FieldError state={state} name="sortOrder" />
        </label>
        <label className={styles.check}>
          <input type="checkbox" name="active" defaultChecked={unit?.active ?? true} />
          启用
        </label>
      </div>
      <label>
        职责关键词
        <textarea name="keywords" rows={3} defaultValue={joinList(unit?.keywords ?? [])} placeholder="用“、”分隔，如：项目、投资、营商环境。导入计划时据此推荐牵头单位" />
        {defaultKeywords.length > 0 && (
          <span className="small muted" data-testid="default-keywords">
            未填写时，导入计划按此类单位的默认关键词推荐：{joinList(defaultKeywords)}
          </span>
        )}
        <FieldError state={state} name="keywords" />
      </label>
      <label>
        别名
        <input name="aliases" defaultValue={joinList(unit?.aliases ?? [])} placeholder="本县对该单位的其他叫法，用“、”分隔" />
        <FieldError state={state} name="aliases" />
      </label>
      <FormMessage state={state} />
      <div className="actions">
        <SubmitButton pending={pending}>{unit ? '保存' : '创建单位'}</SubmitButton>
      </div>
    </form>
  );
}
