/**
 * How every document is parsed. Kubernetes decodes YAML with go-yaml v2 (through sigs.k8s.io/yaml),
 * which follows YAML 1.1: `0644` is the integer 420 and `yes` is true; repeated keys are an error
 * there too. go-yaml v2 also reads a plain scalar as an integer whenever Go's strconv.ParseInt with
 * base 0 accepts it (underscores removed first), which YAML 1.1 alone does not: `0o644` is 420 to
 * the API server, and a string to the `yaml` package. The tag below closes that gap, so that a mode
 * written `0o644` is neither a false "must be an integer" error nor missed by the mode rules.
 * The other way round, go-yaml v2 keeps timestamps (`2024-01-01`) and base-60 numbers (`12:30`)
 * as strings when it decodes into a plain interface, as Kubernetes does: those YAML 1.1 tags are
 * left out, so that a volume named 2024-01-01 is that string, not a JavaScript date.
 */
import type { DocumentOptions, ParseOptions, ScalarTag, SchemaOptions, Tags } from 'yaml';

/** `0o644`, `0O644`, `0X1A4`, `0B101`: integers to Go's ParseInt(s, 0, 64), strings to YAML 1.1. */
const goPrefixedInt: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  format: 'OCT',
  test: /^[-+]?0(?:[oO]_*[0-7][0-7_]*|X_*[0-9a-fA-F][0-9a-fA-F_]*|B_*[01][01_]*)$/,
  resolve(source: string): number {
    const digits = source.replace(/_/g, '');
    const sign = digits.startsWith('-') ? -1 : 1;
    const unsigned = digits.replace(/^[-+]/, '');
    const radix = { o: 8, x: 16, b: 2 }[unsigned[1].toLowerCase() as 'o' | 'x' | 'b'];
    return sign * Number.parseInt(unsigned.slice(2), radix);
  },
};

/** The YAML 1.1 timestamp and base-60 (`format: TIME`) tags. */
function isStringToGoYaml(tag: Tags[number]): boolean {
  return typeof tag === 'object' && (tag.tag === 'tag:yaml.org,2002:timestamp' || ('format' in tag && tag.format === 'TIME'));
}

export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  uniqueKeys: true,
  prettyErrors: false,
  // Warnings are read from the document; logged too (the default 'warn'), they reached the editor as error messages.
  // Not 'silent': that also drops the error for a second document in a text parsed as one.
  logLevel: 'error',
  customTags: (tags: Tags) => [...tags.filter((tag) => !isStringToGoYaml(tag)), goPrefixedInt],
};

/** A number written in octal (`0644`, `0o644`, `0_644`), as opposed to decimal (`644`, `644.0`). */
export function isOctalLiteral(source: string): boolean {
  return /^[-+]?0(?:[oO]_*)?[0-7][0-7_]*$/.test(source);
}
