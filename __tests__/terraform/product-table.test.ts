/** The product table of Terraform attributes, and the README section that documents it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCTS, RULES } from '../../src/model.js';
import { TERRAFORM_PRODUCTS, terraformAttributes, terraformAttributeShape } from '../../src/products/terraform.js';
import { parseAttributePath } from '../../src/whitelists/terraform/select.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
const docs = readFileSync(path.join(root, 'README.md'), 'utf8');

describe('Terraform product table', () => {
  it('covers every product of the contract', () => {
    expect(Object.keys(TERRAFORM_PRODUCTS).sort()).toEqual([...PRODUCTS].sort());
    for (const [product, profile] of Object.entries(TERRAFORM_PRODUCTS)) expect(profile.product).toBe(product);
  });

  it('every attribute path parses as a select path', () => {
    for (const profile of Object.values(TERRAFORM_PRODUCTS)) {
      for (const resource of profile.resources) {
        for (const attribute of resource.attributes)
          expect(parseAttributePath(attribute.path)).toEqual(expect.any(Array));
      }
    }
  });

  it('MaxCompute: the VPC list for private, the IP list for public', () => {
    expect(terraformAttributes('maxcompute', 'alicloud_maxcompute_project', 'private')!.map((a) => a.path)).toEqual([
      'ip_white_list[0].vpc_ip_list'
    ]);
    expect(terraformAttributes('maxcompute', 'alicloud_maxcompute_project', 'public')!.map((a) => a.path)).toEqual([
      'ip_white_list[0].ip_list'
    ]);
  });

  it('MongoDB: a set at the top level, a comma-separated string inside security_ip_groups', () => {
    expect(terraformAttributeShape('alicloud_mongodb_instance', 'security_ip_list')).toBe('set');
    expect(terraformAttributeShape('alicloud_mongodb_instance', 'security_ip_groups.security_ip_list')).toBe(
      'comma-string'
    );
  });

  it('Hologres has no Terraform whitelist, and says where it lives', () => {
    expect(TERRAFORM_PRODUCTS.hologres.resources).toEqual([]);
    expect(TERRAFORM_PRODUCTS.hologres.note).toMatch(/alicloud_hologram_instance.*HoloWeb/);
  });

  it('the README has a row for every resource and attribute', () => {
    for (const profile of Object.values(TERRAFORM_PRODUCTS)) {
      for (const resource of profile.resources) {
        for (const attribute of resource.attributes) {
          expect(docs).toContain(`| \`${profile.product}\` | \`${resource.resourceType}\` | \`${attribute.path}\` |`);
        }
      }
    }
  });

  it('the README has a row for every product and every rule', () => {
    const section = (heading: string): string => {
      const start = docs.indexOf(`\n## ${heading}\n`);
      expect(start).toBeGreaterThan(-1);
      const end = docs.indexOf('\n## ', start + 1);
      return docs.slice(start, end === -1 ? undefined : end);
    };
    const products = section('Products');
    for (const product of PRODUCTS) expect(products).toContain(`| \`${product}\` |`);
    const rules = section('Rules');
    for (const rule of RULES) expect(rules).toContain(`| \`${rule}\` |`);
  });
});
