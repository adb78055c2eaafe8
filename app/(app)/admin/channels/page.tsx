import type { Metadata } from 'next';
import Link from 'next/link';
import { formatClock } from '@/lib/core/notify/delivery-schedule';
import { CHANNEL_KIND_LABELS } from '@/lib/core/schemas/notify';
import { requireUser } from '@/lib/server/auth/session';
import { listNotifyChannels } from '@/lib/server/notifications/list-notify-channels';
import { orNotFound } from '@/lib/server/page-guard';
import { AddRouteForm, ChannelActiveForm, EditChannelForm, NewChannelForm, NotifySettingsForm, RemoveRouteForm, SendTestForm } from './channel-forms';
import styles from './channels.module.css';

export const metadata: Metadata = { title: '外发渠道' };

export default async function ChannelsPage() {
  const user = await requireUser();
  const { channels, units, settings } = await orNotFound(listNotifyChannels({ user }));
  return (
    <>
      <div className="page-head">
        <h1>外发渠道</h1>
        <Link className="button secondary" href="/admin/deliveries">
          发送记录
        </Link>
      </div>
      <p className="muted small">
        通知除在系统内显示外，还可经邮件、钉钉/企业微信群机器人、短信和 Webhook 发出。机器人和单位邮箱按单位接收；个人邮箱、短信由本人在「外发通知」中选择。密钥保存后不再完整显示。
      </p>
      {channels.length === 0 && <p className="panel muted">尚未配置外发渠道。</p>}
      {channels.map((channel) => {
        const needsAddress = channel.kind === 'EMAIL' || channel.kind === 'SMS';
        return (
          <section key={channel.id} className={`panel ${styles.channel}`} data-testid="channel" aria-label={channel.name}>
            <h3>
              {channel.name} <span className="badge">{CHANNEL_KIND_LABELS[channel.kind]}</span>
              {!channel.active && <span className="badge red">已停用</span>}
            </h3>
            <div className={`small ${styles.summary}`}>
              {channel.summary} · 密钥：{channel.secret}
            </div>
            <div className={styles.inline}>
              <SendTestForm channelId={channel.id} needsAddress={needsAddress} kind={channel.kind} />
              <ChannelActiveForm channelId={channel.id} active={channel.active} />
            </div>
            <EditChannelForm channel={channel} />
            {channel.kind !== 'WEBHOOK' && (
              <>
                <strong className="small">接收单位</strong>
                {channel.routes.length === 0 ? (
                  <span className="muted small">暂无</span>
                ) : (
                  <ul className={styles.routes}>
                    {channel.routes.map((route) => (
                      <li key={route.id}>
                        {route.unitName}
                        {route.address && <span className="muted">（{route.address}）</span>}
                        <RemoveRouteForm routeId={route.id} label={route.unitName} />
                      </li>
                    ))}
                  </ul>
                )}
                <AddRouteForm channelId={channel.id} needsAddress={needsAddress} units={units} />
              </>
            )}
          </section>
        );
      })}
      <section className="panel">
        <h2>新增渠道</h2>
        <NewChannelForm />
      </section>
      <section className="panel">
        <h2>外发设置</h2>
        <NotifySettingsForm baseUrl={settings.baseUrlPinned ? settings.baseUrl : ''} digestTime={formatClock(settings.digestMinute)} urgentKinds={settings.urgentKinds} urgentOverridesQuietHours={settings.urgentOverridesQuietHours} />
        <p className="muted small">留空则使用 {settings.baseUrl}。</p>
      </section>
    </>
  );
}
