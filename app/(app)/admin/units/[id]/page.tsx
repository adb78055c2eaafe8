import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { orNotFound } from '@/lib/server/page-guard';
import { getUnit } from '@/lib/server/directory/get-unit';
import { UnitForm } from '../unit-form';
import { updateUnitAction } from '../actions';
import { DeleteUnitForm } from './delete-unit-form';
import { defaultDutyKeywords } from '@/lib/core/plan/owner-suggestion';

export const metadata: Metadata = { title: '编辑单位' };

export default async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { unit, references, deletable } = await orNotFound(getUnit({ user, unitId: id }));
  const leaders = unit.overseenBy.map((link) => link.leader.name);
  return (
    <>
      <div className="page-head">
        <h1>
          {unit.name}
          {!unit.active && <span className="badge"> 已停用</span>}
        </h1>
        <div className="actions">
          <Link className="button secondary" href={`/admin/users?q=${encodeURIComponent(unit.shortName)}`}>
            本单位人员（{references.users}）
          </Link>
          <Link className="button secondary" href={`/audit?entity=Unit&entityId=${unit.id}`}>
            变更记录
          </Link>
        </div>
      </div>
      <p className="muted small">
        分管领导：{leaders.length > 0 ? leaders.join('、') : '未设置'} · 牵头或配合任务 {references.tasks} 项。改名后单位编号不变，任务、报送和承诺书仍属于本单位，旧名称保留在变更记录中。
      </p>
      <UnitForm
        action={updateUnitAction}
        defaultKeywords={defaultDutyKeywords(unit)}
        unit={{
          id: unit.id,
          code: unit.code,
          name: unit.name,
          shortName: unit.shortName,
          kind: unit.kind,
          sortOrder: unit.sortOrder,
          active: unit.active,
          keywords: unit.keywords,
          aliases: unit.aliases,
          updatedAt: unit.updatedAt.toISOString(),
        }}
      />
      <section className="panel">
        <h2>删除单位</h2>
        {deletable ? (
          <DeleteUnitForm unitId={unit.id} name={unit.name} />
        ) : (
          <p className="muted">该单位已有任务、人员或报送记录，不能删除；不再使用时请取消“启用”，历史记录保留。</p>
        )}
      </section>
    </>
  );
}
