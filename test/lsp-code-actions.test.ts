/**
 * Code actions at the protocol edge (server/src/lsp/features.ts). VS Code asks for them on each
 * keystroke while the cursor is on a finding, so they must not read the editor's whole text,
 * which copies a large file; the disable comment still ends its line as the file does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileAnalyzer } from '../server/src/core/analysis/analyzer';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { toLspDiagnostic } from '../server/src/lsp/diagnostics';
import * as features from '../server/src/lsp/features';
import { RopeTextDocument } from '../server/src/lsp/rope-text-document';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: nginx\n      volumeMounts: [{name: dta, mountPath: /x}]\n  volumes: [{name: data, emptyDir: {}}]\n';

/** A document whose whole text may not be read: ranges only. */
class RangesOnly extends RopeTextDocument {
  override getText(range?: Parameters<RopeTextDocument['getText']>[0]): string {
    if (!range) throw new Error('read the whole text');
    return super.getText(range);
  }
}

function disableComment(text: string): string {
  const document = new RangesOnly('file:///a.yaml', 'yaml', 1, text);
  const analysis = new FileAnalyzer().analyse(text, DEFAULT_SETTINGS);
  const diagnostics = analysis.diagnostics.map((d) => toLspDiagnostic(d, document.uri, '/docs'));
  const action = features.codeActions(document, analysis, diagnostics).find((a) => a.title === 'Disable mount-without-volume in this file');
  assert.ok(action, 'the disable action is offered');
  return action.edit!.changes![document.uri][0].newText;
}

describe('code actions', () => {
  it('offer the disable comment with the file\'s line break, without reading the whole text', () => {
    assert.ok(disableComment(POD).endsWith('mount-without-volume\n'));
    assert.ok(disableComment(POD.replace(/\n/g, '\r\n')).endsWith('mount-without-volume\r\n'));
  });
});

describe('a fix that edits another document of the file', () => {
  it('places the edit in that document: imagePullSecrets on the ServiceAccount of B15', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const text = readFileSync(path.resolve(__dirname, '..', '..', 'shared', 'cases', 'B15-custom-serviceaccount-without-pull-secret.yaml'), 'utf8');
    const document = new RopeTextDocument('file:///b15.yaml', 'yaml', 1, text);
    const analysis = new FileAnalyzer().analyse(text, DEFAULT_SETTINGS);
    const diagnostics = analysis.diagnostics.map((d) => toLspDiagnostic(d, document.uri, '/docs'));
    const action = features.codeActions(document, analysis, diagnostics).find((a) => a.title === 'Add imagePullSecrets: [regcred] to ServiceAccount reports-sa')!;
    const [edit] = action.edit!.changes![document.uri];
    const lines = text.split('\n');
    // Inserted after the ServiceAccount's last line ("  namespace: team-a", the line before its ---).
    assert.equal(lines[edit.range.start.line - 1], '  namespace: team-a');
    assert.equal(lines[edit.range.start.line], '---');
    assert.match(edit.newText, /^imagePullSecrets:\n {2}- name: regcred\n$/);
  });
});
