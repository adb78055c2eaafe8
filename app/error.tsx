'use client';

import Link from 'next/link';

/** Any unexpected failure while rendering a page: said in Chinese, nothing of the internals shown. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="login-wrap">
      <section className="login-card stack" role="alert" aria-labelledby="error-title">
        <h1 id="error-title">页面出错了</h1>
        <p className="sub">系统暂时无法完成请求，可能是服务器或数据库暂不可用。请稍后重试；若反复出现，请联系督查室管理员。</p>
        {error.digest && <p className="small muted">错误编号：{error.digest}</p>}
        <div className="actions">
          <button type="button" onClick={reset}>
            重试
          </button>
          <Link href="/">返回首页</Link>
        </div>
      </section>
    </div>
  );
}
