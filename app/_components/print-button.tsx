'use client';

/** 打印 for pages laid out as printable documents (their print CSS hides the app around them). */
export function PrintButton({ className }: { className?: string }) {
  return (
    <button type="button" className={className} onClick={() => window.print()}>
      打印
    </button>
  );
}
