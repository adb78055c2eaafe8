import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { ROLE_LABELS } from '@/lib/server/auth/permissions';
import { NAV_ITEMS } from './nav-items';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/" className="brand">
          落实<small className="hide-sm">督查督办</small>
        </Link>
        <NavLinks items={NAV_ITEMS[user.role]} />
        <div className="userbox">
          <span data-testid="current-user">
            {user.name}
            <span className="hide-sm"> · {ROLE_LABELS[user.role]}</span>
          </span>
          <SignOutButton />
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
