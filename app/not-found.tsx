import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: '页面不存在' };

export default function NotFound() {
  return (
    <div className="login-wrap">
      <section className="login-card stack" aria-labelledby="not-found-title">
        <h1 id="not-found-title">页面不存在</h1>
        <p className="sub">未找到该页面或记录，或您无权访问。</p>
        <div className="actions">
          <Link href="/">返回首页</Link>
        </div>
      </section>
    </div>
  );
}
