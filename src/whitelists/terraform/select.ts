/** The `select` of a Terraform whitelist source: `TYPE.NAME`, `TYPE.NAME.ATTRIBUTE`, `TYPE.NAME.BLOCK[n].ATTRIBUTE`. */

export interface PathSegment {
  name: string;
  /** `[n]`: one block out of several; absent: all of them. */
  index?: number;
}

export interface TerraformSelect {
  resourceType: string;
  resourceName: string;
  /** Blocks then the attribute; absent when the product table chooses the attribute. */
  path?: PathSegment[];
}

const NAME = '[A-Za-z_][A-Za-z0-9_-]*';
const SEGMENT = new RegExp(`^(${NAME})(?:\\[(\\d+)\\])?$`);

/** Parses a path like `ip_white_list[0].vpc_ip_list`; the last segment is an attribute and takes no index. */
export function parseAttributePath(text: string): PathSegment[] | string {
  const segments: PathSegment[] = [];
  for (const part of text.split('.')) {
    const match = SEGMENT.exec(part);
    if (!match) return `\`${part}\` is not a block or attribute name (optionally with [n])`;
    segments.push(match[2] === undefined ? { name: match[1]! } : { name: match[1]!, index: Number(match[2]) });
  }
  if (segments[segments.length - 1]!.index !== undefined) {
    return 'the last part names an attribute and cannot take [n]; [n] picks one of several blocks';
  }
  return segments;
}

/** The parsed select, or a message saying what was expected. */
export function parseSelect(text: string): TerraformSelect | string {
  const expected = 'expected TYPE.NAME, TYPE.NAME.ATTRIBUTE or TYPE.NAME.BLOCK.ATTRIBUTE (BLOCK may take [n])';
  const parts = text.trim().split('.');
  if (parts.length < 2 || !new RegExp(`^${NAME}$`).test(parts[0]!) || !new RegExp(`^${NAME}$`).test(parts[1]!)) {
    return `select \`${text}\`: ${expected}`;
  }
  const [resourceType, resourceName] = parts as [string, string];
  if (parts.length === 2) return { resourceType, resourceName };
  const path = parseAttributePath(parts.slice(2).join('.'));
  if (typeof path === 'string') return `select \`${text}\`: ${path}; ${expected}`;
  return { resourceType, resourceName, path };
}
