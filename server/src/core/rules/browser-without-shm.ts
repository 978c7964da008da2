/**
 * A headless browser image (Chrome, Chromium, Firefox, Selenium nodes, Puppeteer, Playwright)
 * in a container that mounts nothing at /dev/shm. Container runtimes give /dev/shm 64 MiB, and
 * Chrome keeps rendering buffers there: large pages crash the tab ("Aw, Snap!", "session
 * deleted because of page crash"). A Memory emptyDir at /dev/shm fixes it.
 * https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
 */
import { getString } from '../model/yaml-nodes';
import { CONTAINER_NAMES } from './fields';
import { completePodSpecs, describeContainer } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'browser-without-shm';
/** The image's repository path (registry host and tag removed) names a browser. */
const BROWSER = /(^|[/_.-])(chrome|chromium|headless-?shell|firefox|puppeteer|playwright|browserless)([/_.-]|$)|selenium\/(node|standalone)-/i;

function repositoryPath(image: string): string {
  const withoutDigest = image.split('@')[0];
  const parts = withoutDigest.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0])) parts.shift();
  return parts.join('/').replace(/:[^/]*$/, '');
}

export const browserWithoutShm: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: [...CONTAINER_NAMES, 'image', 'hostIPC', 'volumeMounts.mountPath'],
  defaultSeverity: 'info',
  description: 'A browser image (Chrome, Firefox, Selenium, Puppeteer, Playwright) runs with the default 64 MiB /dev/shm.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of completePodSpecs(document)) {
      if (getString(podSpec.node, 'hostIPC') === 'true') continue; // the node's own /dev/shm
      for (const container of podSpec.containers) {
        const image = container.image;
        if (!image || !BROWSER.test(repositoryPath(image.value))) continue;
        if (container.mounts.some((m) => m.target && /^\/dev\/shm\/?$/.test(m.target.value))) continue;
        findings.push({
          rule: ID,
          message: `${describeContainer(container)} runs a browser image ("${image.value}") with the default 64 MiB /dev/shm; Chrome keeps rendering buffers there and tabs crash on large pages. Mount an emptyDir with medium: Memory and a sizeLimit (e.g. 1Gi) at /dev/shm.`,
          fieldPath: container.path,
          range: image.range,
          data: { container: container.name?.value ?? null, volume: { name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } }, mountPath: '/dev/shm' },
        });
      }
    }
    return findings;
  },
};
