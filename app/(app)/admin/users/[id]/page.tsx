import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { orNotFound } from '@/lib/server/page-guard';
import { getUser } from '@/lib/server/directory/get-user';
import { listUnitChoices } from '@/lib/server/directory/list-unit-choices';
import { ROLE_LABELS } from '@/lib/core/directory/labels';
import { UserForm } from './user-form';
import { AccountActions } from './account-actions';
import { IdentityLink } from './identity-link';
import { readOidcSettings } from '@/lib/server/auth/oidc-sign-in';

export const metadata: Metadata = { title: '编辑用户' };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const [person, units, oidc] = await Promise.all([orNotFound(getUser({ user, userId: id })), orNotFound(listUnitChoices({ user })), readOidcSettings()]);
  const overseen = person.overseenUnits.map((link) => link.unit.shortName);
  return (
    <>
      <div className="page-head">
        <h1>
          {person.name} <span className="muted small mono">{person.username}</span>
          {!person.active && <span className="badge"> 已停用</span>}
        </h1>
        <div className="actions">
          {person.role === 'LEADER' && (
            <Link className="button secondary" href={`/admin/leaders/${person.id}`}>
              调整分管
            </Link>
          )}
          <Link className="button secondary" href={`/audit?entity=User&entityId=${person.id}`}>
            变更记录
          </Link>
        </div>
      </div>
      <p className="muted small">
        {ROLE_LABELS[person.role]}
        {person.unit ? ` · ${person.unit.name}` : ''}
        {person.role === 'LEADER' ? ` · 分管：${overseen.length > 0 ? overseen.join('、') : '未设置'}` : ''}
        {person.mustChangePassword ? ' · 下次登录须修改密码' : ''}
        {person.locked ? ' · 登录已锁定' : ''}
      </p>
      <UserForm
        units={units}
        user={{
          id: person.id,
          username: person.username,
          name: person.name,
          title: person.title,
          role: person.role,
          unitId: person.unitId,
          phone: person.phone,
          active: person.active,
          updatedAt: person.updatedAt.toISOString(),
        }}
      />
      <AccountActions userId={person.id} locked={person.locked} secondFactor={person.totpEnabledAt !== null} />
      <IdentityLink userId={person.id} subject={displayedSubject(person.oidcSubject, oidc?.issuer)} issuer={oidc?.issuer ?? null} />
    </>
  );
}

/** The stored link is `issuer#sub`: the current provider's subjects are shown as their sub alone. */
function displayedSubject(stored: string | null, issuer: string | undefined): string | null {
  if (!stored) return null;
  return issuer && stored.startsWith(`${issuer}#`) ? stored.slice(issuer.length + 1) : stored;
}
