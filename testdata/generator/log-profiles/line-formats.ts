import type { LineFormat, ProfileLevel, TemplateSpec } from './profile.js';
import type { Variables } from './variables.js';

/**
 * A message in a component's own line format (what follows the kubelet's timestamp in a pod
 * log, or the journal prefix in a node log). `time` is RFC 3339 with milliseconds.
 */
export function formatLine(format: LineFormat, template: TemplateSpec, v: Variables, time: string, componentName = ''): string {
  const message = template.message(v);
  const fields = template.fields?.(v) ?? [];
  const site = template.site ?? 'controller.go:123';
  switch (format) {
    case 'logrus':
      return [`time="${time.slice(0, 19)}Z"`, `level=${LOGRUS[template.level]}`, `msg=${logrusValue(message, true)}`, ...fields.map(([key, value]) => `${key}=${logrusValue(value, false)}`)].join(' ');
    case 'klog':
      return `${KLOG[template.level]}${time.slice(5, 7)}${time.slice(8, 10)} ${time.slice(11, 23)}${String(v.int(0, 999)).padStart(3, '0')}       1 ${site}] ${message}${fields.map(([key, value]) => ` ${key}=${JSON.stringify(value)}`).join('')}`;
    case 'zap':
      return JSON.stringify({ level: ZAP[template.level], ts: `${time.slice(0, 19)}Z`, logger: 'bundledeployment', caller: site, msg: message, ...Object.fromEntries(fields) });
    case 'kubevirt':
      return JSON.stringify({ component: componentName, level: KUBEVIRT[template.level], msg: message, pos: site, ...Object.fromEntries(fields), timestamp: `${time.slice(0, 23)}${String(v.int(0, 999)).padStart(3, '0')}Z` });
    case 'rancher':
      return `${time.slice(0, 10).replaceAll('-', '/')} ${time.slice(11, 19)} [${RANCHER[template.level]}] ${message}`;
    case 'plain':
      return message;
  }
}

const LOGRUS: Record<ProfileLevel, string> = { fatal: 'fatal', error: 'error', warning: 'warning', info: 'info' };
const KLOG: Record<ProfileLevel, string> = { fatal: 'F', error: 'E', warning: 'W', info: 'I' };
const ZAP: Record<ProfileLevel, string> = { fatal: 'fatal', error: 'error', warning: 'warn', info: 'info' };
const KUBEVIRT: Record<ProfileLevel, string> = { fatal: 'fatal', error: 'error', warning: 'warning', info: 'info' };
const RANCHER: Record<ProfileLevel, string> = { fatal: 'FATAL', error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/** logrus quotes a value that is empty or holds anything but safe characters (and always msg with spaces). */
function logrusValue(value: string, message: boolean): string {
  if (value !== '' && /^[\w./:@%+-]+$/.test(value) && !(message && value.includes(' '))) return value;
  return JSON.stringify(value);
}
