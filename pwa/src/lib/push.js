// Web Push subscription: with the server's VAPID key, subscribe through the
// service worker's push manager and register the subscription as a device
// (through the outbox, so it also works when the connection drops).
import { query } from './gql.js';
import { enqueue } from './outbox.js';
import { session } from './session.js';
import { t } from './i18n.js';
import { PUSH_KEY, REGISTER_DEVICE } from '../queries.js';

const bytes = (b64) => {
  const s = atob(b64.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
};

export const pushSupported = () => 'PushManager' in window && 'Notification' in window && 'serviceWorker' in navigator;

export async function enablePush() {
  if ((await Notification.requestPermission()) !== 'granted') throw new Error(t('push_denied'));
  const key = (await query(PUSH_KEY)).webPushPublicKey;
  if (!key) throw new Error(t('push_unavailable'));
  const reg = await navigator.serviceWorker.ready;
  const sub = (await reg.pushManager.getSubscription()) ||
    (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(key) }));
  const j = sub.toJSON();
  const label = (navigator.userAgentData && navigator.userAgentData.platform) || 'Browser';
  await enqueue({
    stream: 'device', kind: 'device', label: t('ob_device'), query: REGISTER_DEVICE, account: session.me.id,
    variables: { input: { kind: 'webpush', token: j.endpoint, p256dh: j.keys.p256dh, auth: j.keys.auth, label: 'PWA ' + label } },
  });
}
