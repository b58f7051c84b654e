/**
 * What a helm-controller job pod (`helm-install-<chart>` / `helm-delete-<chart>`) logs: the
 * klipper-helm `entry` script (k3s-io/klipper-helm v0.9.3, the image of RKE2 v1.30 / Harvester
 * v1.4) runs with `set -v` for its first lines, then `set -x`, so the log is the script's trace
 * (`+ …`, `++ …` for command substitutions) interleaved with what helm prints: `NAME:` …
 * `STATUS: deployed` on success, `Error: …` on failure (helm's stderr goes to the same log).
 *
 * What matters for rules: the delete path runs `helm uninstall … --wait || true` and `exit`, so a
 * failed uninstall still ends the container with 0 (the Job "succeeds"); and for a chart from a
 * repo (`spec.repo`, as Harvester Addons) `set -e` is still on when a helm command fails, while
 * for inline `chartContent` (RKE2's charts) `helm_content_decode` turned it off — either way a
 * failed install/upgrade ends with the helm command's non-zero status.
 */
import type { PodLogLine } from '../../packages/rules/src/testing/log-lines.js';

export interface KlipperHelmRun {
  action: 'install' | 'upgrade' | 'delete';
  /** The HelmChart's name (also the release name). */
  chart: string;
  /** The release namespace (`spec.targetNamespace`, else the chart's namespace). */
  namespace: string;
  /** `spec.repo` charts are added as a repo; without one the chart comes inline (`chartContent`). */
  repo?: { url: string; chart: string; version: string };
  /** The `--set`/`--set-string` arguments helm-controller passes (from `spec.set`). */
  setArgs?: string;
  /** Revision the run would create (install 1, upgrade n+1). */
  revision?: number;
  /** Helm's error (without `Error: `); absent for a run that succeeded. */
  error?: string;
  /**
   * `helm ls` itself failed (the API unreachable, RBAC): under `set -e` (repo charts) the script
   * stops there with a non-zero status, before any install or uninstall.
   */
  listError?: string;
  start: string;
  end: string;
}

/** The log lines of one run of the entry script, timestamped between `start` and `end`. */
export function klipperHelmLog(run: KlipperHelmRun): PodLogLine[] {
  const { chart, namespace } = run;
  const chartPath = run.repo ? `${chart}/${run.repo.chart}` : `/tmp/${chart}.tgz`;
  const args = [run.action === 'delete' ? 'delete' : 'install', ...(run.repo ? [`--version ${run.repo.version}`] : []), ...(run.setArgs ? [run.setArgs] : [])].join(' ');
  const lines: string[] = [
    'if [[ ${KUBERNETES_SERVICE_HOST} =~ .*:.* ]]; then',
    '\techo "KUBERNETES_SERVICE_HOST is using IPv6"',
    '\tCHART="${CHART//%\\{KUBERNETES_API\\}%/[${KUBERNETES_SERVICE_HOST}]:${KUBERNETES_SERVICE_PORT}}"',
    'else',
    '\tCHART="${CHART//%\\{KUBERNETES_API\\}%/${KUBERNETES_SERVICE_HOST}:${KUBERNETES_SERVICE_PORT}}"',
    'fi',
    '',
    'set +v -x',
    "+ [[ '' == \\v\\2 ]]",
    '+ shopt -s nullglob',
    '+ [[ -f /config/ca-file.pem ]]',
    '+ [[ -f /tmp/ca-file.pem ]]',
    '+ [[ false == \\t\\r\\u\\e ]]',
    '+ [[ false == \\t\\r\\u\\e ]]',
    "+ [[ -n '' ]]",
    '+ helm_content_decode',
    '+ set -e',
    `+ ENC_CHART_PATH=/chart/${chart}.tgz.base64`,
    `+ CHART_PATH=/tmp/${chart}.tgz`,
    `+ [[ ! -f /chart/${chart}.tgz.base64 ]]`,
  ];
  if (run.repo) lines.push('+ return');
  else lines.push(`+ base64 -d /chart/${chart}.tgz.base64`, `+ CHART=/tmp/${chart}.tgz`, '+ set +e');
  if (run.action === 'delete') {
    lines.push('+ [[ delete != \\d\\e\\l\\e\\t\\e ]]');
  } else {
    lines.push('+ [[ install != \\d\\e\\l\\e\\t\\e ]]', '+ helm_repo_init', "+ grep -q -e 'https\\?://'", `+ [[ ${chartPath} == stable/* ]]`);
    if (run.repo) {
      lines.push(
        `+ [[ -n ${run.repo.url} ]]`,
        '+ [[ -f /auth/username ]]',
        '+ [[ -f /auth/tls.crt ]]',
        `+ helm repo add ${chart} ${run.repo.url}`,
        `"${chart}" has been added to your repositories`,
        '+ helm repo update',
        'Hang tight while we grab the latest from your chart repositories...',
        `...Successfully got an update from the "${chart}" chart repository`,
        'Update Complete. ⎈Happy Helming!⎈',
      );
    } else {
      lines.push("+ [[ -n '' ]]");
    }
  }
  const installed = run.action !== 'install';
  const chartVersion = run.repo ? `${run.repo.chart}-${run.repo.version}` : `${chart}-1.0.0`;
  lines.push(`+ helm_update ${args}`, `++ helm ls --all -f '^${chart}$' --namespace ${namespace} --output json`);
  if (run.listError) return spread([...lines, `Error: ${run.listError}`], run.start, run.end);
  lines.push(
    `++ jq -r '"\\(.[0].chart),\\(.[0].status)"'`,
    "++ tr '[:upper:]' '[:lower:]'",
    `+ LINE=${installed ? `${chartVersion},deployed` : 'null,null'}`,
    '+ IFS=,',
    '+ read -r INSTALLED_VERSION STATUS _',
    '+ VALUES=',
    '+ for VALUES_FILE in /config/*.yaml',
    "+ VALUES=' --values /config/values-01_HelmChart.yaml'",
  );
  const helmArgs = `${run.repo ? `--version ${run.repo.version} ` : ''}${run.setArgs ? `${run.setArgs} ` : ''}`;
  if (run.action === 'delete') {
    lines.push(
      '+ [[ delete = \\d\\e\\l\\e\\t\\e ]]',
      `+ [[ -z ${chartVersion} ]]`,
      "+ echo 'Uninstalling helm chart'",
      `+ helm uninstall ${chart} --namespace ${namespace} --wait`,
      ...(run.error ? [`Error: ${run.error}`, '+ true'] : [`release "${chart}" uninstalled`]),
      '+ exit',
    );
  } else if (run.action === 'install') {
    lines.push(
      '+ [[ install = \\d\\e\\l\\e\\t\\e ]]',
      '+ [[ null =~ ^(|null)$ ]]',
      '+ [[ null =~ ^(|null)$ ]]',
      "+ echo 'Installing helm chart'",
      `+ helm install ${helmArgs}${chart} ${chartPath} --values /config/values-01_HelmChart.yaml`,
      ...(run.error ? [`Error: INSTALLATION FAILED: ${run.error}`] : deployed(run, 1)),
      ...(run.error && run.repo ? [] : ['+ exit']),
    );
  } else {
    lines.push(
      '+ [[ install = \\d\\e\\l\\e\\t\\e ]]',
      `+ [[ ${chartVersion} =~ ^(|null)$ ]]`,
      '+ [[ deployed =~ ^(pending-install|pending-upgrade|pending-rollback|uninstalling)$ ]]',
      '+ [[ deployed =~ ^deployed$ ]]',
      `+ echo 'Already installed ${chart}'`,
      `Already installed ${chart}`,
      `+ helm mapkubeapis ${chart} --namespace ${namespace}`,
      ...mapKubeApis(chart, run.start),
      "+ echo 'Upgrading helm chart'",
      `+ echo 'Upgrading ${chart}'`,
      `Upgrading ${chart}`,
      '+ shift 1',
      `+ helm upgrade ${helmArgs}${chart} ${chartPath} --values /config/values-01_HelmChart.yaml`,
      ...(run.error ? [`Error: UPGRADE FAILED: ${run.error}`] : [`Release "${chart}" has been upgraded. Happy Helming!`, ...deployed(run, run.revision ?? 2)]),
      ...(run.error && run.repo ? [] : ['+ exit']),
    );
  }
  return spread(lines, run.start, run.end);
}

function deployed(run: KlipperHelmRun, revision: number): string[] {
  return [`NAME: ${run.chart}`, `LAST DEPLOYED: ${helmDate(run.end)}`, `NAMESPACE: ${run.namespace}`, 'STATUS: deployed', `REVISION: ${run.revision ?? revision}`, 'TEST SUITE: None'];
}

function mapKubeApis(chart: string, start: string): string[] {
  const stamp = start.replace('T', ' ').replace('Z', '').replace(/-/g, '/');
  return [
    `${stamp} Release '${chart}' will be checked for deprecated or removed Kubernetes APIs and will be updated if necessary to supported API versions.`,
    `${stamp} Get release '${chart}' latest version.`,
    `${stamp} Check release '${chart}' for deprecated or removed APIs...`,
    `${stamp} Finished checking release '${chart}' for deprecated or removed APIs.`,
    `${stamp} Release '${chart}' has no deprecated or removed APIs.`,
    `${stamp} Map of release '${chart}' deprecated or removed APIs to supported versions, completed successfully.`,
  ];
}

/** `LAST DEPLOYED:` as helm prints it (Go's ANSIC layout). */
function helmDate(time: string): string {
  const date = new Date(time);
  const day = date.toUTCString().slice(0, 3);
  const month = date.toUTCString().slice(8, 11);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day} ${month} ${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${date.getUTCFullYear()}`;
}

/** The lines at the start time, the last few (helm's own output) at the end time. */
function spread(lines: readonly string[], start: string, end: string): PodLogLine[] {
  const helmStarts = lines.findIndex((line) => /^\+ helm (install|upgrade|uninstall) /.test(line));
  return lines.map((text, index) => ({ time: helmStarts >= 0 && index > helmStarts ? end : start, text }));
}
