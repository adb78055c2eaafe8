'use client';

import { useState } from 'react';
import styles from './task-page.module.css';

/** A PDF attachment opened in the browser's viewer inside the page, on request (a task may carry many). */
export function PdfPreview({ url, name }: { url: string; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="secondary small" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        {open ? '收起预览' : '预览'}
      </button>
      {open && <iframe src={url} title={`预览：${name}`} className={styles.pdfFrame} />}
    </>
  );
}
