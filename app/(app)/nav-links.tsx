'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useId, useState } from 'react';
import type { NavItem } from './nav-items';
import { SignOutButton } from './sign-out-button';

/**
 * The main navigation: a row of links on a desktop; on a phone a 菜单 button opens it as a list,
 * every entry reachable, with 退出 at its end (globals.css, max-width 720px).
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const active = (href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href));
  return (
    <>
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">☰</span> 菜单
      </button>
      <nav
        id={menuId}
        className={`nav${open ? ' open' : ''}`}
        aria-label="主导航"
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      >
        {items.map((item) => (
          <Link key={item.href + item.label} href={item.href} aria-current={active(item.href) ? 'page' : undefined} onClick={() => setOpen(false)}>
            {item.label}
          </Link>
        ))}
        <span className="nav-sign-out">
          <SignOutButton />
        </span>
      </nav>
    </>
  );
}
