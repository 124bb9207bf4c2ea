/** The product table of Terraform attributes, and the README section that documents it. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCTS } from '../../src/model.js';
import { TERRAFORM_PRODUCTS, terraformAttributes, terraformAttributeShape } from '../../src/products/terraform.js';
import { parseAttributePath } from '../../src/whitelists/terraform/select.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Until the lead folds a README draft in (.drafts/readme-*.md), its rows count as documented.
const draft = path.join(root, '.drafts/readme-terraform.md');
const docs =
  readFileSync(path.join(root, 'README.md'), 'utf8') + (existsSync(draft) ? readFileSync(draft, 'utf8') : '');

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
});
