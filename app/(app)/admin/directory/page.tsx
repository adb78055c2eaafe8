import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { DirectoryImportForm } from './directory-import-form';

export const metadata: Metadata = { title: '目录工作簿' };

export default async function DirectoryPage() {
  const user = await requireUser();
  if (!can(user, 'user.manage')) notFound();
  return (
    <>
      <div className="page-head">
        <h1>目录工作簿</h1>
        <div className="actions">
          <a className="button secondary" href="/api/admin/directory/template">
            下载模板
          </a>
          <a className="button secondary" href="/api/admin/directory/export">
            导出当前目录
          </a>
        </div>
      </div>
      <section className="panel small">
        <p>
          一个 Excel 工作簿维护全县的单位、人员和领导分管：工作表“单位”（编码、全称、简称、类型、排序、启用、职责关键词、别名）、“人员”（账号、姓名、职务、角色、单位编码或单位全称、手机、启用、初始密码）、“分管”（领导账号、单位）。
        </p>
        <ul>
          <li>单位按编码、人员按账号新增或更新；工作簿中没有的单位和人员保持不变。要停用，请将“启用”填为“否”。</li>
          <li>“分管”表中列出的领导，其分管单位以本表为准；未列出的领导不变。</li>
          <li>新账号的“初始密码”可留空，系统生成一次性密码并在导入后显示一次；首次登录须修改密码。</li>
          <li>导出的工作簿可直接修改后再导入；先“预览”，有任何问题都不会写入。</li>
        </ul>
      </section>
      <DirectoryImportForm />
    </>
  );
}
