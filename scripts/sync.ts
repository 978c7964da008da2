// Writes the generated parts of package.json and README.md (see manifest.ts).
import { readFileSync, writeFileSync } from 'fs';
import { withConfiguration, withRuleTable } from './manifest';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
writeFileSync('package.json', JSON.stringify(withConfiguration(manifest), null, 2) + '\n');
writeFileSync('README.md', withRuleTable(readFileSync('README.md', 'utf8')));
console.log('package.json settings and README rule table are in sync with the rule registry');
