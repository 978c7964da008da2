/**
 * The progress of a long first analysis (server/src/lsp/analysis-progress.ts): shown only past its
 * delay, reported as the documents are read, ended when the analysis is, and never in the way of
 * the analysis when the editor refuses it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { AnalysisProgress } from '../server/src/lsp/analysis-progress';

/** A reporter that writes down what it is told, as "begin title 12% message", "report 40% message", "done". */
function recorder(calls: string[]): WorkDoneProgressServerReporter {
  return {
    begin: (title: string, percentage?: number, message?: string) => void calls.push(`begin ${title} ${percentage}% ${message}`),
    report: (percentage: number | string, message?: string) => void calls.push(`report ${percentage}% ${message ?? ''}`.trim()),
    done: () => void calls.push('done'),
  } as WorkDoneProgressServerReporter;
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('progress of a long first analysis', () => {
  it('is shown once the analysis has run past the delay, reported as documents are read, and ended with it', async () => {
    const calls: string[] = [];
    let created = 0;
    const progress = new AnalysisProgress(async () => (created++, recorder(calls)), 500);
    const uri = 'file:///work/big%20install.yaml';
    progress.update(uri, { done: 100, total: 5000 }, 0);
    progress.update(uri, { done: 900, total: 5000 }, 400);
    await settle();
    assert.equal(created, 0, 'not within the delay');
    progress.update(uri, { done: 1200, total: 5000 }, 600);
    await settle();
    progress.update(uri, { done: 1210, total: 5000 }, 650); // the same percentage: nothing to say
    progress.update(uri, { done: 2600, total: 5000 }, 700);
    progress.end(uri);
    await settle();
    assert.equal(created, 1);
    assert.deepEqual(calls, ['begin kube-volumes: checking big install.yaml 24% 1,200 of 5,000 documents (24%)', 'report 52% 2,600 of 5,000 documents (52%)', 'done']);
  });

  it('shows nothing for an analysis over within the delay, and starts afresh for the next one', async () => {
    const calls: string[] = [];
    const progress = new AnalysisProgress(async () => recorder(calls), 500);
    progress.update('file:///a.yaml', { done: 10, total: 100 }, 0);
    progress.end('file:///a.yaml');
    progress.update('file:///a.yaml', { done: 10, total: 100 }, 1000);
    progress.end('file:///a.yaml');
    await settle();
    assert.deepEqual(calls, []);
  });

  it('goes on without a progress the editor refuses', async () => {
    const progress = new AnalysisProgress(() => Promise.reject(new Error('refused')), 0);
    progress.update('file:///a.yaml', { done: 10, total: 100 }, 0);
    progress.update('file:///a.yaml', { done: 50, total: 100 }, 10);
    progress.end('file:///a.yaml');
    await settle();
  });
});
