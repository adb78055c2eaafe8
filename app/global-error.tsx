'use client';

import './globals.css';

/** A failure in the root layout itself: replaces the whole document, so it brings its own html. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body>
        <div className="login-wrap">
          <section className="login-card stack" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">系统出错了</h1>
            <p className="sub">系统暂时无法完成请求，请稍后重试；若反复出现，请联系督查室管理员。</p>
            {error.digest && <p className="small muted">错误编号：{error.digest}</p>}
            <div className="actions">
              <button type="button" onClick={reset}>
                重试
              </button>
            </div>
          </section>
        </div>
      </body>
    </html>
  );
}
