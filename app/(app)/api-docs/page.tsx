import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { apiV1Document } from '@/lib/core/api/openapi';

export const metadata: Metadata = { title: '接口说明' };

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: { type?: string; enum?: unknown[] } };
type Operation = {
  summary?: string;
  description?: string;
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, { type?: string | string[] }>; required?: string[] } }> };
  responses?: Record<string, { description?: string }>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The API reference, rendered on the server from the same OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiDocsPage() {
  const user = await requireUser();
  const document = apiV1Document();
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as Record<string, Operation | undefined>)[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
  return (
    <>
      <h1>接口说明（/api/v1）</h1>
      <section className="panel">
        <p>{document.info.description}</p>
        <p className="small">
          机器可读的 OpenAPI 3.1 文档：<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>。令牌：
          {can(user, 'user.manage') ? <Link href="/admin/api-tokens">签发集成令牌</Link> : null}
          {can(user, 'user.manage') ? '，' : null}
          <Link href="/account/tokens">个人令牌</Link>。
        </p>
        <pre className="mono small">{`curl -H "Authorization: Bearer lst_…" "${'<地址>'}/api/v1/tasks?overdue=1&pageSize=50"`}</pre>
      </section>
      {operations.map(({ path, method, operation }) => (
        <section key={`${method} ${path}`} className="panel" id={operation.operationId} aria-label={`${method.toUpperCase()} ${path}`}>
          <h2 className="mono">
            {method.toUpperCase()} /api/v1{path}
          </h2>
          <p>
            {operation.summary}
            <br />
            <span className="muted small">{operation.description}</span>
          </p>
          {operation.parameters && operation.parameters.length > 0 && (
            <>
              <h3>参数</h3>
              <ul className="small">
                {operation.parameters.map((parameter) => (
                  <li key={`${parameter.in}-${parameter.name}`}>
                    <code>{parameter.name}</code>（{parameter.in === 'path' ? '路径' : '查询'}
                    {parameter.schema?.enum ? `：${parameter.schema.enum.join(' | ')}` : parameter.schema?.type ? `：${parameter.schema.type}` : ''}）
                    {parameter.description ? ` ${parameter.description}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          {operation.requestBody && <RequestBody body={operation.requestBody} />}
          <h3>响应</h3>
          <ul className="small">
            {Object.entries(operation.responses ?? {}).map(([status, response]) => (
              <li key={status}>
                <code>{status}</code> {response.description}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function RequestBody({ body }: { body: NonNullable<Operation['requestBody']> }) {
  const schema = body.content?.['application/json']?.schema;
  return (
    <>
      <h3>请求体（JSON，与页面表单相同的校验）</h3>
      <ul className="small">
        {Object.entries(schema?.properties ?? {}).map(([name, property]) => (
          <li key={name}>
            <code>{name}</code>
            {property.type ? `：${[property.type].flat().join(' | ')}` : ''}
            {schema?.required?.includes(name) ? '（必填）' : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
