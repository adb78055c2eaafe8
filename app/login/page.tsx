import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { safeRedirectPath } from '@/lib/core/auth/redirect';
import { getSessionUser } from '@/lib/server/auth/session';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: '登录' };

// Only a same-origin path: `//evil.example` and the like fall back to the home page.
const searchSchema = z.object({ callbackUrl: z.string().optional().catch(undefined).transform(safeRedirectPath) });

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = searchSchema.parse(await searchParams);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <div className="login-wrap">
      <div className="login-card">
        <h1>落实</h1>
        <p className="sub">重点任务督查督办系统</p>
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </div>
  );
}
