import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foundBy } from '../helpers';

const RULE = 'cloud-image-without-pull-secret';
const pod = (image: string, extra = ''): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${extra}  containers:\n    - {name: app, image: "${image}"}\n`;

describe(RULE, () => {
  it('informs, naming the cloud, for ECR, Artifact Registry, GCR and ACR', () => {
    const clouds = {
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1': 'Amazon ECR',
      'us-docker.pkg.dev/project/repo/app': 'Google Artifact Registry',
      'eu.gcr.io/project/app': 'Google Container Registry',
      'contoso.azurecr.io/app': 'Azure Container Registry',
    };
    for (const [image, cloud] of Object.entries(clouds)) {
      const [d] = foundBy(RULE, pod(image));
      assert.equal(d.severity, 'info');
      assert.match(d.message, new RegExp(cloud));
    }
  });

  it('is quiet when the pod has pull secrets', () => {
    assert.deepEqual(foundBy(RULE, pod('gcr.io/p/app', '  imagePullSecrets: [{name: gcr}]\n')), []);
  });
});
