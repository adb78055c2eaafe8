'use client';

import { startTransition, useActionState, useState } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import type { DirectorySummary } from '@/lib/server/directory/import-directory';
import { directoryImportAction, type DirectoryImportState } from './actions';
import styles from '../admin.module.css';

const fileKeyOf = (file: File | undefined) => (file ? `${file.name}|${file.size}|${file.lastModified}` : '');

function Summary({ summary, done }: { summary: DirectorySummary; done: boolean }) {
  const verb = done ? '' : '将';
  const line = (label: string, created: string[] | null, updated: string[], unchanged: number) => (
    <li>
      {label}：{created && `${verb}新增 ${created.length}，`}
      {verb}更新 {updated.length}，无变化 {unchanged}
      {[...(created ?? []).map((item) => `新增 ${item}`), ...updated.map((item) => `更新 ${item}`)].length > 0 && (
        <details>
          <summary className="small">明细</summary>
          <ul className="small">
            {(created ?? []).map((item) => (
              <li key={`c${item}`}>新增 {item}</li>
            ))}
            {updated.map((item) => (
              <li key={`u${item}`}>更新 {item}</li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
  return (
    <ul data-testid="directory-summary">
      {line('单位', summary.units.created, summary.units.updated, summary.units.unchanged)}
      {line('人员', summary.users.created, summary.users.updated, summary.users.unchanged)}
      {line('分管（按领导）', null, summary.leaders.updated, summary.leaders.unchanged)}
    </ul>
  );
}

/**
 * 预览 checks the chosen workbook and lists every problem with its sheet and row; nothing is
 * written. 确认导入 is offered once the same file previewed clean, and writes it all in one go.
 */
export function DirectoryImportForm() {
  const [state, action, pending] = useActionState<DirectoryImportState, FormData>(directoryImportAction, INITIAL_FORM_STATE);
  const [fileKey, setFileKey] = useState('');
  const previewedClean = state.ok && state.intent === 'preview' && state.fileKey === fileKey && fileKey !== '';
  const imported = state.ok && state.intent === 'import' && state.fileKey === fileKey;

  return (
    <form
      className="stack panel"
      aria-label="导入目录工作簿"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => action(form));
      }}
    >
      <input type="hidden" name="fileKey" value={fileKey} />
      <label>
        目录工作簿
        <input type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required onChange={(event) => setFileKey(fileKeyOf(event.currentTarget.files?.[0]))} />
        <FieldError state={state} name="file" />
      </label>
      <div className="actions">
        <SubmitButton pending={pending} name="intent" value="preview" className="secondary" pendingText="处理中…">
          预览
        </SubmitButton>
        <button type="submit" name="intent" value="import" disabled={!previewedClean || pending}>
          确认导入
        </button>
      </div>
      {!pending && <FormMessage state={state} />}
      {!pending && state.fileKey === fileKey && state.issues && state.issues.length > 0 && (
        <ol className={styles.issues} aria-label="工作簿中的问题" data-testid="directory-issues">
          {state.issues.map((issue, index) => (
            <li key={index}>{issue}</li>
          ))}
        </ol>
      )}
      {!pending && state.fileKey === fileKey && state.summary && <Summary summary={state.summary} done={state.intent === 'import'} />}
      {imported && state.oneTimePasswords && state.oneTimePasswords.length > 0 && (
        <section aria-label="一次性密码">
          <h3>新账号的一次性密码</h3>
          <p className="small">请逐一转交本人；这些密码只显示这一次，首次登录须修改。</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>账号</th>
                  <th>姓名</th>
                  <th>一次性密码</th>
                </tr>
              </thead>
              <tbody>
                {state.oneTimePasswords.map((row) => (
                  <tr key={row.username} data-testid="one-time-password-row">
                    <td className="mono">{row.username}</td>
                    <td>{row.name}</td>
                    <td>
                      <span className={styles.password}>{row.password}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </form>
  );
}
