/** Field paths in the API server's notation: `spec.template.spec.containers[0].volumeMounts[1].name`. */
export function child(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

export function item(base: string, index: number): string {
  return `${base}[${index}]`;
}
