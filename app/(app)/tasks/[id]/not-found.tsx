import Link from 'next/link';

/** A task that does not exist and one outside the user's scope look the same. */
export default function TaskNotFound() {
  return (
    <section className="panel">
      <h1>未找到该任务</h1>
      <p className="muted">未找到该记录，或您无权访问。</p>
      <Link href="/tasks">返回任务台账</Link>
    </section>
  );
}
