/**
 * How every document is parsed. Kubernetes decodes YAML with go-yaml v2 (through sigs.k8s.io/yaml),
 * which follows YAML 1.1: `0644` is the integer 420 and `yes` is true; repeated keys are an error
 * there too.
 */
import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { version: '1.1', uniqueKeys: true, prettyErrors: false };
