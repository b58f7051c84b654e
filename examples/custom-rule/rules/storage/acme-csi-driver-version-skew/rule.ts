// A code rule: the question compares the pods with each other (which image each runs), which the
// declarative form cannot say. Its inputs are declared as for a declarative rule, so a bundle that
// did not collect acme-storage skips it with the reason, and context.inputs is typed from them.
import { defineCodeRule, recordsOf, textOf } from '@bundle-triage/rules';

export default defineCodeRule({
  id: 'acme-csi-driver-version-skew',
  title: 'ACME SAN: the acme-csi pods do not all run the same driver version',
  description:
    'After a partial upgrade of the acme-csi driver, its controller and node plugins run different image tags; volumes then fail to attach on the nodes with the old plugin. Compares the image tag of every acme-csi pod.',
  severity: 'medium',
  component: 'storage',
  tags: ['site', 'acme', 'storage'],
  references: [{ title: 'ACME CSI driver: upgrade all components together', url: 'https://example.com/acme-csi/upgrade' }],
  whyCode: 'compares the pods with each other (the image tag each one runs), and declarative conditions test one object at a time',
  inputs: {
    pods: { resource: { group: '', resource: 'pods', namespace: 'acme-storage' } },
  },
  async evaluate(context) {
    const driver = /^registry\.acme\.example\/acme-csi:(?<tag>\S+)$/;
    const tags = new Map<string, { pod: string; index: number }[]>();
    for (const pod of context.inputs.pods) {
      recordsOf(pod, 'spec.containers').forEach((container, index) => {
        const tag = driver.exec(textOf(container, 'image') ?? '')?.groups?.tag;
        if (tag) tags.set(tag, [...(tags.get(tag) ?? []), { pod: pod.metadata.name, index }]);
      });
    }
    if (tags.size < 2) return [];
    const evidence = [];
    for (const pod of context.inputs.pods) {
      const uses = [...tags.values()].flat().filter((use) => use.pod === pod.metadata.name);
      for (const use of uses) evidence.push(await context.evidence(pod, `/spec/containers/${use.index}/image`));
    }
    const versions = [...tags.entries()].map(([tag, uses]) => `${tag} (${uses.map((use) => use.pod).join(', ')})`).join('; ');
    return [
      {
        status: 'warn',
        message: `The acme-csi pods run ${tags.size} driver versions: ${versions}.`,
        evidence,
        remediation: {
          summary: 'Finish the acme-csi upgrade so the controller and every node plugin run the same image tag.',
          commands: ['kubectl -n acme-storage get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image'],
        },
      },
    ];
  },
});
