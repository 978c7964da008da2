/**
 * Real manifests from public projects (../shared/corpus): clusters accept them, so any
 * error-severity finding is a false positive unless it is named below as genuine.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lint } from './helpers';

const CORPUS = path.resolve(__dirname, '..', '..', 'shared', 'corpus');

/** Genuine errors in the corpus, each with why the cluster would reject or fail it. None so far. */
const GENUINE_ERRORS: Record<string, string> = {};

function corpusFiles(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(CORPUS, d.name)).filter((f) => f.endsWith('.yaml')).map((f) => `${d.name}/${f}`));
}

describe('corpus of real manifests', () => {
  const files = corpusFiles();

  it('has the 93 manifests', () => assert.equal(files.length, 93));

  it('gets no error that is not named genuine', () => {
    const errors = files.flatMap((file) =>
      lint(readFileSync(path.join(CORPUS, file), 'utf8'))
        .filter((d) => d.severity === 'error')
        .map((d) => `${file} doc ${d.document} ${d.rule} @ ${d.fieldPath}`),
    );
    assert.deepEqual(errors.filter((e) => !(e in GENUINE_ERRORS)), []);
  });

  it('gets no syntax error from a Helm template', () => {
    const helm = files.filter((f) => readFileSync(path.join(CORPUS, f), 'utf8').includes('{{'));
    assert.ok(helm.length >= 10, 'the corpus has Helm templates');
    for (const file of helm) {
      assert.deepEqual(lint(readFileSync(path.join(CORPUS, file), 'utf8')).filter((d) => d.rule === 'yaml-syntax'), [], file);
    }
  });

  it('gets nothing on CustomResourceDefinitions that describe volumes', () => {
    const crd = 'kube-prometheus/manifests__setup__0prometheusCustomResourceDefinition.yaml';
    assert.deepEqual(lint(readFileSync(path.join(CORPUS, crd), 'utf8')), []);
  });

  it('still finds what is really there: warnings on real trade-offs', () => {
    const selenium = lint(readFileSync(path.join(CORPUS, 'examples/_archived__selenium__selenium-node-chrome-deployment.yaml'), 'utf8'));
    assert.deepEqual(selenium.map((d) => `${d.rule} @ ${d.fieldPath}`), ['memory-emptydir-without-size-limit @ spec.template.spec.volumes[0].emptyDir']);
  });
});
