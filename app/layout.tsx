import type { Metadata, Viewport } from 'next';
import './globals.css';
import '@/lib/core/schemas/zod-config';

export const metadata: Metadata = {
  title: { default: '落实 · 任务督办', template: '%s · 落实' },
  description: '把工作计划分解为任务，按序时进度督查督办',
};

// Rendered per request, so that Next can put the proxy's per-request CSP nonce on its inline
// scripts (a page prerendered at build time would carry none and be blocked).
export const dynamic = 'force-dynamic';

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
