/** The CLI: argument handling in-process, and the bundled dist/cli.js as CI runs it. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, writeFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../server/src/cli';

const ROOT = path.resolve(__dirname, '..');
const CASES = path.resolve(ROOT, '..', 'shared', 'cases');
const B01 = path.join(CASES, 'B01-mount-name-typo-scratch.yaml');
const VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

function cli(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, (t) => (out += t), (t) => (err += t));
  return { code, out, err };
}

/** The bundled CLI as a child process, with `input` as its standard input (a closed, empty pipe if omitted). */
function bundled(args: string[], input = ''): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8', input });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function fixtureFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kv-cli-'));
  mkdirSync(path.join(dir, 'nested'));
  mkdirSync(path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'nested', 'bad.yml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: nginx\n      volumeMounts: [{name: x, mountPath: /x}]\n');
  writeFileSync(path.join(dir, 'ok.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
  writeFileSync(path.join(dir, 'node_modules', 'skip.yaml'), 'apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, volumeMounts: [{name: x}]}]}\n');
  writeFileSync(path.join(dir, 'notes.txt'), 'not yaml');
  return dir;
}

describe('cli', () => {
  it('prints file:line:col severity message rule and exits 1 on errors', () => {
    const { code, out } = cli([path.join(CASES, 'B01-mount-name-typo-scratch.yaml')]);
    assert.equal(code, 1);
    assert.match(out, /B01-mount-name-typo-scratch\.yaml:14:17 error Container "worker" mounts "scratch".* mount-without-volume\n/);
    assert.match(out, /1 file checked: 1 error, 1 other finding\n$/);
  });

  it('writes the JSON shape CI tools read, with 0-based positions', () => {
    const { code, out } = cli(['--format', 'json', path.join(CASES, 'B12-imagePullSecrets-under-container-and-dockercfg-type.yaml')]);
    assert.equal(code, 1);
    const { files } = JSON.parse(out);
    assert.equal(files.length, 1);
    const d = files[0].diagnostics.find((x: { rule: string }) => x.rule === 'field-at-wrong-level');
    assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'document', 'fieldPath', 'range']);
    assert.deepEqual(d.range, { start: { line: 39, character: 10 }, end: { line: 39, character: 26 } });
    assert.equal(d.document, 1);
    assert.equal(d.fieldPath, 'spec.template.spec.containers[0].imagePullSecrets');
  });

  it('writes SARIF 2.1.0 for code scanning, with the rule table and 1-based regions', () => {
    const { code, out } = cli(['--format', 'sarif', path.join(CASES, 'B01-mount-name-typo-scratch.yaml')]);
    assert.equal(code, 1);
    const sarif = JSON.parse(out);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'kube-volumes');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'mount-without-volume');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'mount-without-volume');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 14, startColumn: 17, endLine: 14, endColumn: 24 });
    assert.equal(result.locations[0].logicalLocations[0].fullyQualifiedName, 'document[0].spec.containers[0].volumeMounts[0].name');
    assert.match(result.locations[0].physicalLocation.artifactLocation.uri, /B01-mount-name-typo-scratch\.yaml$/);
  });

  it('walks folders for .yaml and .yml, skipping node_modules', () => {
    const dir = fixtureFolder();
    const { code, out } = cli(['--format', 'json', dir]);
    assert.equal(code, 1);
    const { files } = JSON.parse(out);
    assert.deepEqual(files.map((f: { path: string }) => path.relative(dir, f.path)), [path.join('nested', 'bad.yml'), 'ok.yaml']);
  });

  it('exits 0 when only warnings are found, and honours --rule and --public-registry', () => {
    const b08 = path.join(CASES, 'B08-vct-mount-must-not-be-flagged.yaml');
    assert.equal(cli([b08]).code, 0);
    assert.equal(cli(['--rule', 'private-image-without-pull-secret=error', b08]).code, 1);
    assert.match(cli(['--public-registry', 'registry.example.com', b08]).out, /0 errors, 0 other findings/);
    assert.equal(cli(['--rule=mount-without-volume=off', path.join(CASES, 'B01-mount-name-typo-scratch.yaml')]).code, 0);
  });

  it('honours --kubernetes-version', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kv-version-'));
    const file = path.join(dir, 'sidecar.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: [{name: s, image: envoy, restartPolicy: Always}]\n  containers: [{name: a, image: nginx}]\n');
    assert.match(cli(['--kubernetes-version', '1.27', file]).out, /newer-than-target-version/);
    assert.doesNotMatch(cli(['--kubernetes-version=v1.33', file]).out, /newer-than-target-version/);
    assert.doesNotMatch(cli([file]).out, /newer-than-target-version/);
  });

  it('exits 2 on bad usage and unreadable input', () => {
    assert.equal(cli([]).code, 2);
    assert.equal(cli(['--format', 'xml', CASES]).code, 2);
    assert.equal(cli(['--rule', 'no-such-rule=off', CASES]).code, 2);
    assert.equal(cli(['--bogus', CASES]).code, 2);
    assert.equal(cli(['--kubernetes-version', 'banana', CASES]).code, 2);
    const missing = cli([path.join(CASES, 'does-not-exist.yaml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read/);
  });

  it('follows links to manifests and folders, checks each file once, and ends a link loop', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kv-cli-links-'));
    mkdirSync(path.join(dir, 'real'));
    mkdirSync(path.join(dir, 'walked'));
    copyFileSync(B01, path.join(dir, 'real', 'pod.yaml'));
    symlinkSync(path.join(dir, 'real', 'pod.yaml'), path.join(dir, 'walked', 'linked.yaml'));
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'walked', 'folder'));
    symlinkSync(path.join(dir, 'walked'), path.join(dir, 'walked', 'loop'));
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'walked', 'broken.txt'));
    // The real file given as well, and found again through the links: checked once.
    const { code, out } = cli(['--format', 'json', path.join(dir, 'walked'), path.join(dir, 'real', 'pod.yaml')]);
    assert.equal(code, 1, 'a broken manifest behind a link is found, and a broken link to no manifest is nobody\'s concern');
    // One file behind three ways to it: reported once, where the walk met it first.
    assert.deepEqual(JSON.parse(out).files.map((f: { path: string }) => path.relative(dir, f.path)), [path.join('walked', 'folder', 'pod.yaml')]);
  });

  it('reports a folder or path it cannot read, checks the rest, and still writes whole output (exit 2)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kv-cli-unreadable-'));
    mkdirSync(path.join(dir, 'ok'));
    copyFileSync(B01, path.join(dir, 'ok', 'pod.yaml'));
    symlinkSync(path.join(dir, 'gone.yaml'), path.join(dir, 'ok', 'broken-link.yaml'));
    // A stale link in a folder is named, and fails nothing: exit 1 for B01's error.
    const walked = cli([dir]);
    assert.equal(walked.code, 1);
    assert.match(walked.err, /skipped .*broken-link\.yaml: a link to nothing/);
    const { code, out, err } = cli(['--format', 'json', dir, path.join(dir, 'missing.yaml')]);
    assert.equal(code, 2);
    assert.deepEqual(JSON.parse(out).files.map((f: { path: string }) => path.basename(f.path)), ['pod.yaml']);
    assert.match(err, /cannot read .*missing\.yaml/);
    // A folder without read permission (root reads it anyway, so only as another user).
    if (process.getuid?.() !== 0) {
      mkdirSync(path.join(dir, 'locked'));
      chmodSync(path.join(dir, 'locked'), 0o000);
      assert.match(cli([dir]).err, /cannot read .*locked/);
    }
  });

  it('percent-encodes SARIF artifact URIs', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kv-cli-sarif-'));
    const file = path.join(dir, 'my file #1 %zz.yaml');
    copyFileSync(B01, file);
    const uri: string = JSON.parse(cli(['--format', 'sarif', file]).out).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.ok(uri.endsWith('/my%20file%20%231%20%25zz.yaml'), uri);
    assert.equal(JSON.parse(bundled(['--format', 'sarif', '-'], readFileSync(B01, 'utf8')).out).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, '%3Cstdin%3E');
  });

  it('prints its version, the one SARIF reports, and exits 0', () => {
    for (const flag of ['--version', '-V']) {
      const { code, out, err } = bundled([flag]);
      assert.equal(code, 0, err);
      assert.equal(out, `kube-volumes ${VERSION}\n`);
    }
    assert.equal(JSON.parse(cli(['--format', 'sarif', B01]).out).runs[0].tool.driver.version, VERSION);
    const help = cli(['--help']).out;
    assert.match(help, /-V, --version +print the version/);
    assert.match(help, /PATH - reads one manifest\s+from standard input/);
  });

  it('reads a manifest from standard input for -, reported as <stdin>', () => {
    const text = bundled(['-'], readFileSync(B01, 'utf8'));
    assert.equal(text.code, 1, text.err);
    assert.match(text.out, /^<stdin>:14:17 error Container "worker" mounts "scratch".* mount-without-volume$/m);
    assert.match(text.out, /1 file checked: 1 error, 1 other finding\n$/);
    const json = bundled(['--format', 'json', '-'], readFileSync(B01, 'utf8'));
    assert.equal(json.code, 1, json.err);
    const { files } = JSON.parse(json.out);
    assert.equal(files[0].path, '<stdin>');
    const d = files[0].diagnostics.find((x: { rule: string }) => x.rule === 'mount-without-volume');
    assert.deepEqual(d.range.start, { line: 13, character: 16 });
    const sarif = JSON.parse(bundled(['--format', 'sarif', '-'], readFileSync(B01, 'utf8')).out);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, '%3Cstdin%3E', 'as a valid URI reference');
  });

  it('checks - together with file paths, in the order given', () => {
    const ok = path.join(fixtureFolder(), 'ok.yaml');
    const { code, out, err } = bundled(['--format', 'json', ok, '-'], readFileSync(B01, 'utf8'));
    assert.equal(code, 1, err);
    const { files } = JSON.parse(out);
    assert.deepEqual(files.map((f: { path: string }) => f.path), [ok, '<stdin>']);
    assert.equal(files[1].diagnostics.some((d: { rule: string }) => d.rule === 'mount-without-volume'), true);
  });

  it('treats empty standard input as an empty file', () => {
    const { code, out, err } = bundled(['-'], '');
    assert.equal(code, 0, err);
    assert.equal(out, '1 file checked: 0 errors, 0 other findings\n');
  });

  it('exits 2 for - given twice or standard input that cannot be read', () => {
    const twice = cli(['-', '-']);
    assert.equal(twice.code, 2);
    assert.match(twice.err, /may be given only once/);
    let err = '';
    const code = run(['-'], () => undefined, (t) => (err += t), () => {
      throw new Error('EBADF: bad file descriptor, read');
    });
    assert.equal(code, 2);
    assert.match(err, /cannot read <stdin>: EBADF/);
  });

  it('runs as the bundled dist/cli.js', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', CASES], { encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(JSON.parse(result.stdout).files.length, 18);
  });
});
