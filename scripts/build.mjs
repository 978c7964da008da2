// Bundles the extension client, the language server and the CLI into dist/ (CommonJS for Node 20).
import { build } from 'esbuild';
import { compileSchemas } from './compile-schemas.mjs';

compileSchemas();

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  // The server's helper thread (server/src/lsp/analysis-thread.ts), loaded from beside dist/server.js.
  build({ ...common, entryPoints: ['server/src/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
]);
console.log('built dist/extension.js, dist/server.js, dist/analysis-worker.js, dist/cli.js');
